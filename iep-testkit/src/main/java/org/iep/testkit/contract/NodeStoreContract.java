package org.iep.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.NodeStore;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link NodeStore} contract: put-or-replace by ID, nodes per owner by AE title, AE title look-up. */
public abstract class NodeStoreContract {
    protected NodeStore store;

    /** A new, empty store. */
    protected abstract NodeStore newStore();

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    @Test
    void nodesRoundTripWithEveryField() {
        Node secure = new Node(new NodeId("n-tls"), Fixtures.NTEE.id(), "NTEE_SECURE", "pacs.example.org", 2762,
                true, Set.of(Fixtures.STEE.id(), new InstitutionId("inst-x")), Optional.of(Fixtures.NTEE_OOH.id()),
                true);
        store.put(secure);
        store.put(Fixtures.STEE_PACS);

        assertThat(store.find(secure.id())).contains(secure);
        assertThat(store.find(Fixtures.STEE_PACS.id())).contains(Fixtures.STEE_PACS);
        assertThat(store.find(new NodeId("n-none"))).isEmpty();
    }

    @Test
    void putReplacesById() {
        store.put(Fixtures.NTEE_PACS);
        Node moved = Fixtures.node(Fixtures.NTEE_PACS.id().value(), Fixtures.NTEE.id(), "NTEE_NEW", false, Set.of(),
                Optional.empty());

        store.put(moved);

        assertThat(store.find(moved.id())).contains(moved);
        assertThat(store.owned(Fixtures.NTEE.id())).containsExactly(moved);
        assertThat(store.withAeTitle("NTEE_PACS")).isEmpty();
    }

    @Test
    void ownedNodesAreOrderedByAeTitle() {
        Node b = Fixtures.node("n-1", Fixtures.NTEE.id(), "BRAVO", false, Set.of(), Optional.empty());
        Node a = Fixtures.node("n-2", Fixtures.NTEE.id(), "ALPHA", false, Set.of(), Optional.empty());
        Node c = Fixtures.node("n-3", Fixtures.NTEE.id(), "CHARLIE", false, Set.of(), Optional.empty());
        store.put(b);
        store.put(Fixtures.STEE_PACS);
        store.put(c);
        store.put(a);

        assertThat(store.owned(Fixtures.NTEE.id())).containsExactly(a, b, c);
        assertThat(store.owned(Fixtures.STEE.id())).containsExactly(Fixtures.STEE_PACS);
        assertThat(store.owned(new InstitutionId("inst-none"))).isEmpty();
    }

    @Test
    void aeTitlesMatchExactlyAcrossOwners() {
        Node mine = Fixtures.node("n-1", Fixtures.STEE.id(), "PACS", false, Set.of(), Optional.empty());
        Node theirs = Fixtures.node("n-2", Fixtures.NTEE.id(), "PACS", false, Set.of(), Optional.empty());
        Node longer = Fixtures.node("n-3", Fixtures.NTEE.id(), "PACS2", false, Set.of(), Optional.empty());
        store.put(mine);
        store.put(theirs);
        store.put(longer);

        assertThat(store.withAeTitle("PACS")).containsExactlyInAnyOrder(mine, theirs);
        assertThat(store.withAeTitle("pacs")).isEmpty();
        assertThat(store.withAeTitle("PAC")).isEmpty();
    }

    @Test
    void trailingSpacesOfAeTitlesAreIgnored() {
        Node padded = Fixtures.node("n-1", Fixtures.STEE.id(), "ORTHANC  ", false, Set.of(), Optional.empty());
        Node plain = Fixtures.node("n-2", Fixtures.NTEE.id(), "STORESCP", false, Set.of(), Optional.empty());
        store.put(padded);
        store.put(plain);

        assertThat(store.withAeTitle("ORTHANC")).containsExactly(padded);
        assertThat(store.withAeTitle("STORESCP        ")).containsExactly(plain);
        assertThat(store.withAeTitle(" ORTHANC")).isEmpty();
    }
}
