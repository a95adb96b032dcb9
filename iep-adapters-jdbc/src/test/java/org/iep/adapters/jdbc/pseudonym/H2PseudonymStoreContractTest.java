package org.iep.adapters.jdbc.pseudonym;

import org.iep.adapters.jdbc.ContractDatabase;
import org.iep.api.spi.PseudonymStore;
import org.iep.testkit.contract.PseudonymStoreContract;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link JdbcPseudonymStore} against the {@link PseudonymStoreContract} on H2. */
class H2PseudonymStoreContractTest extends PseudonymStoreContract {
    @RegisterExtension
    static final ContractDatabase DB = ContractDatabase.h2();

    @Override
    protected PseudonymStore newStore() {
        return new JdbcPseudonymStore(DB.fresh());
    }
}
