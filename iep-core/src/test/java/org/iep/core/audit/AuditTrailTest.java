package org.iep.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.audit.AuditRecord;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Institution;
import org.iep.api.directory.Role;
import org.iep.api.directory.UserId;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.directory.NodeSpec;
import org.iep.core.testsupport.World;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditTrailTest {
    private final World w = new World();
    private final AuditTrail trail = new AuditTrail(w.audit, w.store, w.access, w.auditor);
    private Transaction steeToLeic;
    private Transaction leicToNott;
    private UserId nottAdmin;

    @BeforeEach
    void traffic() {
        steeToLeic = w.transfer(Priority.NORMAL);
        w.clock.advance(Duration.ofHours(1));
        w.transactions.advance(steeToLeic.id(), TransactionStatus.ON_IEP, "", new Party.System("ingest"), CLIENT);
        w.transactions.addMessage(w.leicStaff, steeToLeic.id(), "Received, thanks", CLIENT);
        w.clock.advance(Duration.ofDays(1));
        var nott = w.directory.createInstitution(World.institution("NOTT", "Nottingham", "a@nott.nhs.uk"), CLIENT);
        Institution n = nott.institution();
        nottAdmin = nott.administrator().id();
        w.nodes.put(nottAdmin, n.id(), new NodeSpec(Optional.empty(), "NOTTPACS", "pacs.nott", 104, false,
                Set.of(w.leic.id()), Optional.empty(), true), CLIENT);
        NewTransfer c = w.transferCommand(w.leicStaff, w.leic, n, Priority.NORMAL);
        leicToNott = w.transactions.createTransfer(new NewTransfer(c.actor(), c.actingFor(), new PatientDetails(
                "L999", "", "BROWN", "Tom", java.time.LocalDate.of(1950, 2, 2), org.iep.api.patient.Sex.MALE,
                World.NHS, "", org.iep.api.recipient.PostalAddress.NONE), c.recipient(), c.studies(), c.priority(),
                "", Optional.empty()), CLIENT);
    }

    private List<String> actions(List<AuditRecord> records) {
        return records.stream().map(r -> r.event().action()).toList();
    }

    @Test
    void administratorsFindTheirTransactionsRecordsByTransactionPatientAccessionUserAndDate() {
        assertThat(actions(trail.search(w.steeAdmin, AuditSearch.all(100).transaction(steeToLeic.id().value()),
                CLIENT))).containsExactly("transaction.create", "transaction.status", "transaction.message");
        // Records by LEIC staff and by the system on STEE's transaction are STEE's business too.
        assertThat(trail.search(w.steeAdmin, AuditSearch.all(100).patient("S123456"), CLIENT))
                .extracting(r -> r.event().actor()).containsExactly("user:" + w.steeStaff, "system:ingest",
                        "user:" + w.leicStaff);
        assertThat(trail.search(w.steeAdmin, AuditSearch.all(100).accession("ACC001"), CLIENT)).hasSize(3);
        assertThat(actions(trail.search(w.steeAdmin, AuditSearch.all(100).user(w.leicStaff.value()), CLIENT)))
                .containsExactly("transaction.message");
        assertThat(actions(trail.search(w.steeAdmin, AuditSearch.all(100).between(World.START.plusSeconds(1),
                World.START.plus(Duration.ofHours(2))).patient("S123456"), CLIENT)))
                .containsExactly("transaction.status", "transaction.message");
    }

    @Test
    void searchesAreLimitedToTheOwnInstitution() {
        assertThat(trail.search(w.steeAdmin, AuditSearch.all(100).patient("L999"), CLIENT)).isEmpty();
        assertThat(trail.search(w.steeAdmin, AuditSearch.all(100).transaction(leicToNott.id().value()), CLIENT))
                .isEmpty();
        assertThat(trail.search(nottAdmin, AuditSearch.all(100).patient("L999"), CLIENT)).hasSize(1);
        List<AuditRecord> everything = trail.search(w.steeAdmin, AuditSearch.all(1000), CLIENT);
        assertThat(everything).allSatisfy(r -> assertThat(r.event().institution().equals(w.stee.id().value())
                || r.event().transaction().equals(steeToLeic.id().value())).isTrue());
        // STEE's own node, not LEIC's or NOTT's.
        assertThat(actions(everything).stream().filter("directory.node.create"::equals)).hasSize(1);
        assertThat(actions(everything)).contains("directory.user.approve");
    }

    @Test
    void onlyAdministratorsAndAuditorsSearchAndEverySearchIsAudited() {
        trail.search(w.steeAuditor, AuditSearch.all(10).transaction(steeToLeic.id().value()), CLIENT);
        AuditRecord last = w.audit.all().get(w.audit.all().size() - 1);
        assertThat(last.event().action()).isEqualTo("audit.search");
        assertThat(last.event().actor()).isEqualTo("user:" + w.steeAuditor);
        assertThat(last.event().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(last.event().detail()).isEqualTo("transaction=" + steeToLeic.id() + " results=3");

        assertThatThrownBy(() -> trail.search(w.steeStaff, AuditSearch.all(10), CLIENT)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.ROLE_NOT_ALLOWED));
        last = w.audit.all().get(w.audit.all().size() - 1);
        assertThat(last.event().action()).isEqualTo("audit.search");
        assertThat(last.event().outcome()).isEqualTo(Outcome.DENIED);

        UserId pending = w.directory.register(new org.iep.core.directory.Registration(w.stee.id(),
                new org.iep.core.directory.NewUser("p@stee.nhs.uk", "P", "Q"), Set.of(Role.AUDITOR)), CLIENT).id();
        assertThatThrownBy(() -> trail.search(pending, AuditSearch.all(10), CLIENT)).isInstanceOfSatisfying(
                AccessDeniedException.class, e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.NOT_APPROVED));
        assertThat(actions(trail.search(w.steeAdmin, AuditSearch.all(100).user(w.steeStaff.value()), CLIENT)))
                .containsExactly("directory.user.register", "transaction.create", "audit.search");
    }

    @Test
    void refusesBadCriteria() {
        assertThatThrownBy(() -> trail.search(w.steeAdmin, AuditSearch.all(1001).between(World.START,
                World.START.minusSeconds(1)), CLIENT)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(p -> p.field()).containsExactly("limit", "to"));
    }

    @Test
    void visibleRecordsBehindManyForeignOnesAreFoundPageByPage() {
        Instant start = w.clock.advance(Duration.ofDays(1));
        Party leic = new Party.Staff(w.leic.id(), w.leicStaff);
        for (int i = 0; i < 1200; i++) {
            w.auditor.record(leic, "directory.node.update", Outcome.SUCCESS, CLIENT, "busy " + i);
            if (i == 700) {
                w.auditor.record(new Party.Staff(w.stee.id(), w.steeAdmin), "directory.unit.create",
                        Outcome.SUCCESS, CLIENT, "mine");
            }
        }
        assertThat(trail.search(w.steeAdmin, AuditSearch.all(10).between(start, start.plusSeconds(1)), CLIENT))
                .extracting(r -> r.event().detail()).containsExactly("mine");
    }
}
