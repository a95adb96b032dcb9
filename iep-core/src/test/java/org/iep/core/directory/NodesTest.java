package org.iep.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.util.Optional;
import java.util.Set;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class NodesTest {
    private final World w = new World();

    @Test
    void anAdministratorAddsAndReplacesNodesOfTheirInstitution() {
        Node night = w.nodes.put(w.leicAdmin, w.leic.id(), spec(Optional.empty(), "LEIC NIGHT", "10.1.2.3", 11112,
                Set.of(w.stee.id()), Optional.empty()), CLIENT);
        Node updated = w.nodes.put(w.leicAdmin, w.leic.id(), spec(Optional.of(w.leicPacs.id()), "LEICPACS",
                "pacs.leic.nhs.uk", 104, Set.of(w.stee.id()), Optional.of(night.id())), CLIENT);

        assertThat(w.nodeStore.find(w.leicPacs.id())).contains(updated);
        assertThat(updated.outOfHours()).contains(night.id());
        assertThat(w.nodes.owned(w.leicAdmin, w.leic.id())).containsExactly(night, updated);
        assertThat(w.audit.all().get(w.audit.all().size() - 1).event().action()).isEqualTo("directory.node.update");
    }

    @Test
    void refusesAnInvalidNodeListingEveryProblem() {
        int records = w.audit.all().size();
        assertThatThrownBy(() -> w.nodes.put(w.leicAdmin, w.leic.id(), spec(Optional.empty(), "SEVENTEEN_CHARS_X",
                "", 0, Set.of(new InstitutionId("ghost")), Optional.of(w.steePacs.id())), CLIENT))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(Problem::field).containsExactly("aeTitle", "host", "port", "allowedSenders",
                                "outOfHours"));
        assertThat(w.nodeStore.owned(w.leic.id())).containsExactly(w.leicPacs);
        assertThat(w.audit.all()).hasSize(records);
    }

    @Test
    void aeTitlesUseTheDefaultRepertoireWithoutBackslashAndAreNotBlank() {
        assertThat(problems("A\\B")).containsExactly(new Problem("aeTitle",
                "may only use printable ASCII characters other than backslash"));
        assertThat(problems("    ")).containsExactly(new Problem("aeTitle", "cannot be only spaces"));
        assertThat(problems("")).containsExactly(new Problem("aeTitle", "is required"));
        assertThat(problems("ÄRZTE")).hasSize(1);
        assertThat(problems("A")).isEmpty();
        assertThat(problems("SIXTEEN_CHARS_AE")).isEmpty();
    }

    @Test
    void onlyAdministratorsOfTheOwnerChangeNodes() {
        NodeSpec ok = spec(Optional.empty(), "X", "x.nhs.uk", 104, Set.of(), Optional.empty());
        assertThatThrownBy(() -> w.nodes.put(w.steeAdmin, w.leic.id(), ok, CLIENT)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.WRONG_INSTITUTION));
        assertThatThrownBy(() -> w.nodes.put(w.leicStaff, w.leic.id(), ok, CLIENT)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ROLE_NOT_ALLOWED));
        var refused = w.audit.all().get(w.audit.all().size() - 1).event();
        assertThat(refused.action() + " " + refused.outcome() + " " + refused.actor() + " " + refused.institution()
                + " " + refused.detail()).isEqualTo("directory.node.put DENIED user:" + w.leicStaff + " "
                + w.leic.id() + " IEP-1102");
        assertThat(w.nodeStore.owned(w.leic.id())).containsExactly(w.leicPacs);
        assertThatThrownBy(() -> w.nodes.put(w.steeAdmin, w.stee.id(), spec(Optional.of(w.leicPacs.id()), "X",
                "x.nhs.uk", 104, Set.of(), Optional.empty()), CLIENT)).isInstanceOfSatisfying(
                InvalidInputException.class, e -> assertThat(e.problems()).extracting(Problem::field)
                        .containsExactly("id"));
    }

    private static java.util.List<Problem> problems(String ae) {
        org.iep.core.validation.Problems p = new org.iep.core.validation.Problems();
        Nodes.aeTitle(p, ae);
        return p.list();
    }

    static NodeSpec spec(Optional<org.iep.api.directory.NodeId> id, String ae, String host, int port,
                         Set<InstitutionId> senders, Optional<org.iep.api.directory.NodeId> night) {
        return new NodeSpec(id, ae, host, port, false, senders, night, true);
    }
}
