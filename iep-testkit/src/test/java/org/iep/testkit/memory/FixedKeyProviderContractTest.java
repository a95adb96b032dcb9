package org.iep.testkit.memory;

import org.iep.api.spi.KeyProvider;
import org.iep.testkit.contract.KeyProviderContract;

class FixedKeyProviderContractTest extends KeyProviderContract {
    @Override
    protected KeyProvider newProvider() {
        return new FixedKeyProvider("contract-test-seed");
    }
}
