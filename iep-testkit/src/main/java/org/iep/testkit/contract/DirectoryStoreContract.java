package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.SecurityUnit;
import org.iep.api.directory.SecurityUnitId;
import org.iep.api.spi.DirectoryStore;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.api.directory.InstitutionPolicies;
import java.util.Set;
import java.util.Map;

/** The {@link DirectoryStore} contract: put-or-replace by ID, unique case-insensitive codes, name order. */
public abstract class DirectoryStoreContract {
    protected DirectoryStore store;

    /** A new, empty store. */
    protected abstract DirectoryStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void institutionsRoundTripByIdAndCode() {
        store.putInstitution(Fixtures.STEE);

        assertThat(store.institution(Fixtures.STEE.id())).contains(Fixtures.STEE);
        assertThat(store.institutionByCode("STEE")).contains(Fixtures.STEE);
        assertThat(store.institution(new InstitutionId("inst-none"))).isEmpty();
        assertThat(store.institutionByCode("NONE")).isEmpty();
    }

    @Test
    void pseudonymisationProfilesRoundTrip() {
        Institution s = Fixtures.STEE;
        InstitutionPolicies p = s.policies();
        Institution withProfiles = new Institution(s.id(), s.code(), s.name(), s.contact(), s.zone(), s.coreHours(),
                new InstitutionPolicies(p.retention(), p.packageAvailability(), p.releaseDelay(), true, "research",
                        List.of(new PseudonymisationProfile("research", Set.of("retain_long_modified_dates",
                                "clean_descriptors"), Map.of("00081030", "X", "00100040", "K"), false),
                                new PseudonymisationProfile("teaching", Set.of(), Map.of(), true))));

        store.putInstitution(withProfiles);

        assertThat(store.institution(s.id())).contains(withProfiles);
    }

    @Test
    void codesCompareCaseInsensitively() {
        store.putInstitution(Fixtures.STEE);

        assertThat(store.institutionByCode("stee")).contains(Fixtures.STEE);
        assertThat(store.institutionByCode("StEe")).contains(Fixtures.STEE);
    }

    @Test
    void putReplacesById() {
        store.putInstitution(Fixtures.STEE);
        Institution renamed = rename(Fixtures.STEE, "St Elsewhere University Hospital");

        store.putInstitution(renamed);

        assertThat(store.institution(Fixtures.STEE.id())).contains(renamed);
        assertThat(store.institutions()).containsExactly(renamed);
    }

    @Test
    void replacingAnInstitutionMayChangeItsCode() {
        store.putInstitution(Fixtures.STEE);
        Institution recoded = withCode(Fixtures.STEE, "STEX");

        store.putInstitution(recoded);

        assertThat(store.institutionByCode("STEX")).contains(recoded);
        assertThat(store.institutionByCode("STEE")).isEmpty();
    }

    @Test
    void aCodeUsedByAnotherInstitutionIsRejectedAndChangesNothing() {
        store.putInstitution(Fixtures.STEE);
        Institution impostor = Fixtures.hospital("inst-impostor", "STEE", "Impostor", "impostor");

        assertDuplicate(() -> store.putInstitution(impostor));

        assertThat(store.institution(impostor.id())).isEmpty();
        assertThat(store.institutionByCode("STEE")).contains(Fixtures.STEE);
    }

    @Test
    void codeClashesAreFoundCaseInsensitively() {
        store.putInstitution(Fixtures.STEE);
        Institution impostor = Fixtures.hospital("inst-impostor", "stee", "Impostor", "impostor");

        assertDuplicate(() -> store.putInstitution(impostor));

        assertThat(store.institutions()).containsExactly(Fixtures.STEE);
    }

    @Test
    void recodingOntoAnotherInstitutionsCodeIsRejectedAndChangesNothing() {
        store.putInstitution(Fixtures.STEE);
        store.putInstitution(Fixtures.NTEE);

        assertDuplicate(() -> store.putInstitution(withCode(Fixtures.NTEE, "STEE")));

        assertThat(store.institution(Fixtures.NTEE.id())).contains(Fixtures.NTEE);
        assertThat(store.institutionByCode("STEE")).contains(Fixtures.STEE);
    }

    @Test
    void institutionsAreOrderedByName() {
        Institution zeta = Fixtures.hospital("inst-a", "ZETA", "Zeta Clinic", "zeta");
        Institution alpha = Fixtures.hospital("inst-z", "ALPHA", "Alpha Clinic", "alpha");
        store.putInstitution(zeta);
        store.putInstitution(Fixtures.STEE);
        store.putInstitution(alpha);
        store.putInstitution(Fixtures.NTEE);

        assertThat(store.institutions()).containsExactly(alpha, Fixtures.NTEE, Fixtures.STEE, zeta);
    }

    @Test
    void unitsAreListedPerInstitutionByName() {
        SecurityUnit radiology = unit("su-1", Fixtures.STEE.id(), "Radiology", "radiology");
        SecurityUnit cardiology = unit("su-2", Fixtures.STEE.id(), "Cardiology", "cardiology");
        SecurityUnit elsewhere = unit("su-3", Fixtures.NTEE.id(), "Breast imaging", "radiology");
        store.putInstitution(Fixtures.STEE);
        store.putInstitution(Fixtures.NTEE);
        store.putUnit(radiology);
        store.putUnit(cardiology);
        store.putUnit(elsewhere);

        assertThat(store.units(Fixtures.STEE.id())).containsExactly(cardiology, radiology);
        assertThat(store.units(Fixtures.NTEE.id())).containsExactly(elsewhere);
        assertThat(store.units(new InstitutionId("inst-none"))).isEmpty();
    }

    @Test
    void putUnitReplacesById() {
        store.putInstitution(Fixtures.STEE);
        store.putUnit(unit("su-1", Fixtures.STEE.id(), "Radiology", "radiology"));
        SecurityUnit renamed = unit("su-1", Fixtures.STEE.id(), "Imaging", "radiology");

        store.putUnit(renamed);

        assertThat(store.units(Fixtures.STEE.id())).isEqualTo(List.of(renamed));
    }

    private static SecurityUnit unit(String id, InstitutionId institution, String name, String specialty) {
        return new SecurityUnit(new SecurityUnitId(id), institution, name, specialty);
    }

    private static Institution rename(Institution i, String name) {
        return new Institution(i.id(), i.code(), name, i.contact(), i.zone(), i.coreHours(), i.policies());
    }

    private static Institution withCode(Institution i, String code) {
        return new Institution(i.id(), code, i.name(), i.contact(), i.zone(), i.coreHours(), i.policies());
    }

    private static void assertDuplicate(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DUPLICATE));
    }
}
