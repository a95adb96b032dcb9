package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.notify.Addressee;
import org.iep.core.notify.NotificationKind;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.Test;

class TransferCreationTest {
    private final World w = new World();

    @Test
    void aTransferIsCommittedWithTrackingExpiryRouteAuditListenerAndNotice() {
        Transaction t = w.transfer(Priority.BLUE_LIGHT);

        assertThat(w.store.find(t.id())).contains(t);
        assertThat(t.version()).isEqualTo(1);
        assertThat(t.type()).isEqualTo(TransactionType.TRANSFER);
        assertThat(t.status()).isEqualTo(TransactionStatus.NEW);
        assertThat(t.tracking().value()).isEqualTo("STEE0000001");
        assertThat(t.sender()).isEqualTo(new Party.Staff(w.stee.id(), w.steeStaff));
        assertThat(t.origin()).isEqualTo(w.stee.id());
        assertThat(t.destination()).contains(w.leicPacs.id());
        assertThat(t.created()).isEqualTo(World.START);
        assertThat(t.expires()).isEqualTo(World.START.plus(Duration.ofDays(14)));
        assertThat(t.releaseAfter()).isEmpty();
        assertThat(t.patient().nhsNumber()).hasValueSatisfying(n -> assertThat(n.value()).isEqualTo(World.NHS));
        assertThat(t.studies()).singleElement().satisfies(s -> {
            assertThat(s.studyInstanceUid()).isEqualTo(World.UID1);
            assertThat(s.status()).isEqualTo(StudyStatus.PENDING);
        });
        assertThat(t.messages()).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("For MDT on Friday"));

        var last = w.audit.all().get(w.audit.all().size() - 1).event();
        assertThat(last.action()).isEqualTo("transaction.create");
        assertThat(last.transaction()).isEqualTo(t.id().value());
        assertThat(last.patientId()).isEqualTo("S123456");
        assertThat(last.accessionNumbers()).containsExactly("ACC001");
        assertThat(last.actor()).isEqualTo("user:" + w.steeStaff);
        assertThat(last.remoteAddress()).isEqualTo("192.0.2.10");
        assertThat(w.listener.events).containsExactly("created:STEE0000001");
        assertThat(w.notifier.sent()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.CREATED);
            assertThat(n.to()).isEqualTo(Addressee.email("desk@leic.nhs.uk", java.util.Locale.UK));
            assertThat(n.values()).containsEntry("tracking", "STEE0000001").containsEntry("institution",
                    "St Elsewhere");
        });
        assertThat(w.transfer(Priority.NORMAL).tracking().value()).isEqualTo("STEE0000002");
    }

    @Test
    void theInstitutionsReleaseDelayHoldsBackIndividualsUnlessTheCommandSetsATime() {
        w.directoryStore.putInstitution(new org.iep.api.directory.Institution(w.stee.id(), w.stee.code(),
                w.stee.name(), w.stee.contact(), w.stee.zone(), w.stee.coreHours(),
                new InstitutionPolicies(Duration.ofDays(15), Duration.ofDays(7), Duration.ofHours(24), false, "")));
        NewTransfer cmd = w.transferCommand(w.steeStaff, w.stee, w.leic, Priority.NORMAL);
        Transaction toPatient = w.transactions.createTransfer(new NewTransfer(cmd.actor(), cmd.actingFor(),
                cmd.patient(), mary(), cmd.studies(), cmd.priority(), "", Optional.empty()), CLIENT);
        assertThat(toPatient.releaseAfter()).contains(World.START.plus(Duration.ofHours(24)));
        assertThat(toPatient.expires()).isEqualTo(World.START.plus(Duration.ofDays(7)));

        assertThat(w.transfer(Priority.NORMAL).releaseAfter()).isEmpty();

        Transaction explicit = w.transactions.createTransfer(new NewTransfer(cmd.actor(), cmd.actingFor(),
                cmd.patient(), cmd.recipient(), cmd.studies(), cmd.priority(), "",
                Optional.of(World.START.plus(Duration.ofHours(2)))), CLIENT);
        assertThat(explicit.releaseAfter()).contains(World.START.plus(Duration.ofHours(2)));
        assertThat(explicit.messages()).isEmpty();
    }

    private static IndividualRecipient mary() {
        return new IndividualRecipient("mary@example.com", "Jones", "Mary", PostalAddress.NONE, "+447700900123", "",
                java.util.Locale.forLanguageTag("cy"), PasscodeChannel.SMS);
    }

    @Test
    void aTransferToAnIndividualHasNoDestinationAndNoInstitutionNotice() {
        IndividualRecipient pat = mary();
        NewTransfer cmd = w.transferCommand(w.steeStaff, w.stee, w.leic, Priority.NORMAL);
        Transaction t = w.transactions.createTransfer(new NewTransfer(cmd.actor(), cmd.actingFor(), cmd.patient(),
                pat, cmd.studies(), cmd.priority(), null, Optional.empty()), CLIENT);
        assertThat(t.destination()).isEmpty();
        assertThat(t.recipient()).isEqualTo(pat);
        assertThat(w.notifier.sent()).isEmpty();
    }

    @Test
    void onlyApprovedStandardOrAdministratorUsersTransferAndOnlyForTheirInstitution() {
        assertDenied(() -> w.transactions.createTransfer(w.transferCommand(w.steeRequester, w.stee, w.leic,
                Priority.NORMAL), CLIENT), CoreErrorCode.ROLE_NOT_ALLOWED);
        assertDenied(() -> w.transactions.createTransfer(w.transferCommand(w.steeAuditor, w.stee, w.leic,
                Priority.NORMAL), CLIENT), CoreErrorCode.ROLE_NOT_ALLOWED);
        assertDenied(() -> w.transactions.createTransfer(w.transferCommand(w.steeStaff, w.leic, w.leic,
                Priority.NORMAL), CLIENT), CoreErrorCode.WRONG_INSTITUTION);
        w.directory.disable(w.steeAdmin, w.steeStaff, "left", CLIENT);
        int records = w.audit.all().size();
        assertDenied(() -> w.transactions.createTransfer(w.transferCommand(w.steeStaff, w.stee, w.leic,
                Priority.NORMAL), CLIENT), CoreErrorCode.NOT_APPROVED);
        assertThat(w.transactions.createTransfer(w.transferCommand(w.steeAdmin, w.stee, w.leic, Priority.NORMAL),
                CLIENT).tracking().value()).isEqualTo("STEE0000001");
        assertThat(w.store.query(TransactionQuery.all(10))).hasSize(1);
        // The refused attempt is audited as DENIED (with the user's institution); the success as usual.
        assertThat(w.audit.all().subList(records, w.audit.all().size())).extracting(r -> r.event().action() + " "
                + r.event().outcome() + " " + r.event().actor() + " " + r.event().institution() + " "
                + r.event().detail()).containsExactly("transaction.create DENIED user:" + w.steeStaff + " "
                + w.stee.id() + " IEP-1103", "transaction.create SUCCESS user:" + w.steeAdmin + " " + w.stee.id()
                + " type=TRANSFER tracking=STEE0000001 priority=NORMAL studies=1");
    }

    @Test
    void anyApprovedRoleMayRequest() {
        for (var user : List.of(w.steeRequester, w.steeAuditor, w.steeAdmin, w.steeStaff)) {
            Transaction r = w.transactions.createRequest(w.requestCommand(user), CLIENT);
            assertThat(r.type()).isEqualTo(TransactionType.REQUEST);
            assertThat(r.destination()).isEmpty();
            assertThat(r.expires()).isEqualTo(World.START.plus(Duration.ofDays(14)));
        }
        assertThat(w.notifier.of(NotificationKind.CREATED)).hasSize(4);
    }

    static void assertDenied(Runnable call, CoreErrorCode code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AccessDeniedException.class,
                e -> assertThat(e.errorCode()).isEqualTo(code));
    }
}
