package org.iep.core.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.iep.core.testsupport.World.CLIENT;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.directory.InstitutionId;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.StudyStatus;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.testsupport.World;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every create and update path refuses bad data with all problems at once, and changes nothing. */
class InvalidInputTest {
    private final World w = new World();
    private int auditBefore;
    private List<Transaction> storeBefore;
    private int notificationsBefore;
    private int listenerBefore;

    @BeforeEach
    void snapshot() {
        snap();
    }

    private void snap() {
        auditBefore = w.audit.all().size();
        storeBefore = w.store.query(TransactionQuery.all(100));
        notificationsBefore = w.notifier.sent().size();
        listenerBefore = w.listener.events.size();
    }

    private void refused(Runnable call, String... fields) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(Problem::field).containsExactly(fields));
        assertThat(w.store.query(TransactionQuery.all(100))).isEqualTo(storeBefore);
        assertThat(w.audit.all()).hasSize(auditBefore);
        assertThat(w.notifier.sent()).hasSize(notificationsBefore);
        assertThat(w.listener.events).hasSize(listenerBefore);
    }

    private NewTransfer transfer(PatientDetails p, org.iep.api.recipient.Recipient r, List<SelectedStudy> studies,
                                 String message, Optional<java.time.Instant> release) {
        return new NewTransfer(w.steeStaff, w.stee.id(), p, r, studies, Priority.NORMAL, message, release);
    }

    @Test
    void aTransferWithEverythingWrongListsEveryProblem() {
        PatientDetails p = new PatientDetails(" ", "", null, "", LocalDate.of(2030, 1, 1), Sex.UNKNOWN,
                "943 476 5918", "", PostalAddress.NONE);
        NewTransfer cmd = transfer(p, new InstitutionRecipient(new InstitutionId("ghost"), "", Optional.empty()),
                List.of(), "x".repeat(4001), Optional.of(World.START.minusSeconds(1)));
        refused(() -> w.transactions.createTransfer(cmd, CLIENT), "patient.id", "patient.familyName",
                "patient.givenName", "patient.birthDate", "patient.sex", "patient.nhsNumber", "recipient.institution",
                "studies", "message", "releaseAfter");
        // No tracking number was used up either.
        assertThat(w.transfer(Priority.NORMAL).tracking().value()).isEqualTo("STEE0000001");
    }

    @Test
    void withoutAnNhsNumberAReasonAndAnAddressAreRequired() {
        PatientDetails p = new PatientDetails("S1", "", "JONES", "Mary", LocalDate.of(1970, 1, 1), Sex.FEMALE, "",
                "", new PostalAddress(List.of(" "), "", "GB"));
        refused(() -> w.transactions.createTransfer(transfer(p, World.to(w.leic), studies(World.UID1), "",
                Optional.empty()), CLIENT), "patient.noNhsNumberReason", "patient.address");

        PatientDetails ok = new PatientDetails("S1", "", "JONES", "Mary", LocalDate.of(1970, 1, 1), Sex.FEMALE,
                null, "overseas visitor", new PostalAddress(List.of("1 High St", "Leicester"), "LE1 5WW", "GB"));
        Transaction t = w.transactions.createTransfer(transfer(ok, World.to(w.leic), studies(World.UID1), "",
                Optional.empty()), CLIENT);
        assertThat(t.patient().nhsNumber()).isEmpty();
        assertThat(t.patient().noNhsNumberReason()).isEqualTo("overseas visitor");
    }

    @Test
    void individualRecipientsNeedValidAddressesAndAPasscodeChannel() {
        IndividualRecipient sms = new IndividualRecipient("mary@", "", "Mary", PostalAddress.NONE, "07700900123", "",
                Locale.UK, PasscodeChannel.SMS);
        refused(() -> w.transactions.createTransfer(transfer(World.patient(), sms, studies(World.UID1), "",
                Optional.empty()), CLIENT), "recipient.email", "recipient.familyName", "recipient.phone");

        IndividualRecipient mail = new IndividualRecipient("mary@example.com", "Jones", "Mary", PostalAddress.NONE,
                "", "MARY@example.com", Locale.forLanguageTag("xx"), PasscodeChannel.EMAIL);
        refused(() -> w.transactions.createTransfer(transfer(World.patient(), mail, studies(World.UID1), "",
                Optional.empty()), CLIENT), "recipient.passcodeEmail", "recipient.language");

        CompanyRecipient firm = new CompanyRecipient("", new IndividualRecipient("law@firm.example", "Hale", "Pat",
                PostalAddress.NONE, "", "not-an-address", Locale.UK, PasscodeChannel.EMAIL));
        refused(() -> w.transactions.createTransfer(transfer(World.patient(), firm, studies(World.UID1), "",
                Optional.empty()), CLIENT), "recipient.companyName", "recipient.contact.passcodeEmail");
    }

    @Test
    void studyUidsMustBeSyntacticallyValidAndDistinct() {
        String tooLong = "1." + "2".repeat(63);
        refused(() -> w.transactions.createTransfer(transfer(World.patient(), World.to(w.leic),
                studies("1.02.3", "1..2", "1.2.abc", tooLong, World.UID1, World.UID1), "", Optional.empty()),
                CLIENT), "studies[0].studyInstanceUid", "studies[1].studyInstanceUid", "studies[2].studyInstanceUid",
                "studies[3].studyInstanceUid", "studies[5].studyInstanceUid");
        assertThat(TransactionValidation.validUid("1.2.0.3")).isTrue();
        assertThat(TransactionValidation.validUid("0")).isTrue();
        assertThat(TransactionValidation.validUid("1.2.")).isFalse();
    }

    @Test
    void aRequestNeedsAMessageAndARequiredByNotInThePast() {
        NewRequest r = new NewRequest(w.steeRequester, w.stee.id(), World.patient(), World.to(w.leic), "  ", null,
                Optional.of(World.START.minus(Duration.ofDays(1))));
        refused(() -> w.transactions.createRequest(r, CLIENT), "message", "priority", "requiredBy");
    }

    @Test
    void updatePathsRefuseBadInput() {
        Transaction request = w.request();
        Transaction transfer = w.transfer(Priority.NORMAL);
        snap();
        refused(() -> w.transactions.answer(new AnswerRequest(w.leicStaff, request.id(), List.of(), null,
                "y".repeat(4001)), CLIENT), "studies", "message");
        refused(() -> w.transactions.decline(w.leicStaff, request.id(), "", CLIENT), "reason");
        refused(() -> w.transactions.cancel(w.steeStaff, request.id(), null, CLIENT), "reason");
        refused(() -> w.transactions.addMessage(w.leicStaff, request.id(), "z".repeat(4001), CLIENT), "text");
        Party ingest = new Party.System("ingest");
        refused(() -> w.transactions.advance(transfer.id(), TransactionStatus.FAILED, " ", ingest, CLIENT),
                "reason");
        refused(() -> w.transactions.advance(request.id(), TransactionStatus.ANSWERED, "", ingest, CLIENT), "to");
        refused(() -> w.transactions.updateStudy(transfer.id(), new StudyProgress(World.UID1, null, 3, 5, -1),
                ingest, CLIENT), "status", "received", "bytes");
        refused(() -> w.transactions.updateStudy(transfer.id(), new StudyProgress(World.UID2,
                StudyStatus.RECEIVING, 3, 1, 10), ingest, CLIENT), "studyInstanceUid");
    }

    private static List<SelectedStudy> studies(String... uids) {
        return java.util.Arrays.stream(uids).map(u -> new SelectedStudy(u, "ACC", "desc")).toList();
    }
}
