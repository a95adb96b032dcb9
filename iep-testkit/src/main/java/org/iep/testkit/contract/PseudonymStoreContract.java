package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.iep.api.directory.InstitutionId;
import org.iep.api.pseudonym.PseudonymLink;
import org.iep.api.spi.PseudonymStore;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link PseudonymStore} contract: the first link per (institution, profile, pseudonym) stays, under any
 * concurrency; look-ups are exact on all three; fields survive the round trip.
 */
public abstract class PseudonymStoreContract {
    private static final InstitutionId A = new InstitutionId("inst-pseudo-a");
    private static final InstitutionId B = new InstitutionId("inst-pseudo-b");

    protected PseudonymStore store;

    /** A new, empty store. Institutions need not exist in any other store. */
    protected abstract PseudonymStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    private static PseudonymLink link(InstitutionId i, String profile, String pseudonym, String patientId) {
        return new PseudonymLink(i, profile, pseudonym, patientId, "Jones^Patricia", "19700131", Fixtures.NOW);
    }

    @Test
    void theFirstLinkStaysAndIsReturnedToLaterCallers() {
        PseudonymLink first = link(A, "research", "PABC", "S123");

        assertThat(store.remember(first)).isEqualTo(first);
        assertThat(store.remember(link(A, "research", "PABC", "OTHER"))).isEqualTo(first);
        assertThat(store.find(A, "research", "PABC")).contains(first);
    }

    @Test
    void lookUpsAreExactOnInstitutionProfileAndPseudonym() {
        PseudonymLink a = store.remember(link(A, "research", "PABC", "S1"));
        PseudonymLink b = store.remember(link(B, "research", "PABC", "S2"));
        PseudonymLink teaching = store.remember(link(A, "teaching", "PABC", "S3"));

        assertThat(store.find(A, "research", "PABC")).contains(a);
        assertThat(store.find(B, "research", "PABC")).contains(b);
        assertThat(store.find(A, "teaching", "PABC")).contains(teaching);
        assertThat(store.find(A, "research", "pabc")).isEmpty();
        assertThat(store.find(A, "other", "PABC")).isEmpty();
    }

    @Test
    void twentyConcurrentFirstLinksStoreExactlyOne() {
        List<PseudonymLink> returned = Concurrently.run(20, i -> store.remember(link(A, "research", "PXYZ", "S" + i)));

        PseudonymLink stored = store.find(A, "research", "PXYZ").orElseThrow();
        assertThat(returned).allSatisfy(r -> assertThat(r).isEqualTo(stored));
    }

    @Test
    void fieldsSurviveTheRoundTrip() {
        PseudonymLink l = new PseudonymLink(A, "research", "P2345ABCDEFG", "ID with spaces", "Ünïcödé^Näme", "",
                Fixtures.NOW.plusMillis(7));

        store.remember(l);

        assertThat(store.find(A, "research", "P2345ABCDEFG")).contains(l);
    }
}
