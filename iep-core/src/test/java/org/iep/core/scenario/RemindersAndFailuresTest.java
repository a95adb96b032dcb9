package org.iep.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iep.api.patient.Sex;
import org.iep.api.spi.MailMessage;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.core.audit.ClientInfo;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/** The notifications that come from schedules and failures rather than from a person's action. */
class RemindersAndFailuresTest {
    private final World world = new World();
    private final Party ingest = new Party.System("ingest");

    @Test
    void anUndownloadedPackageIsRemindedOnceTwoDaysBeforeItExpires() {
        Transaction t = sendToPatient();
        world.deliverOutbox();
        int before = world.mail.sent().size();

        world.clock.advance(Duration.ofDays(11));
        assertThat(world.core.expiryReminders().runOnce(world.clock.instant())).isZero();

        world.clock.advance(Duration.ofDays(1).plusHours(1));   // 12 d 1 h: expires in 1 d 23 h
        assertThat(world.core.expiryReminders().runOnce(world.clock.instant())).isEqualTo(1);
        assertThat(world.core.expiryReminders().runOnce(world.clock.instant())).isEqualTo(1);
        world.deliverOutbox();

        List<MailMessage> reminders = world.mail.sent().subList(before, world.mail.sent().size());
        assertThat(reminders).singleElement().satisfies(m -> {
            assertThat(m.to()).isEqualTo(Fixtures.SMS_RECIPIENT.email());
            assertThat(m.subject()).contains(t.tracking().value()).doesNotContain("Jones");
        });
    }

    @Test
    void aDownloadedPackageNeedsNoReminder() {
        Transaction t = sendToPatient();
        world.core.transactions().advance(t.id(), TransactionStatus.COMPLETE, "", ingest, ClientInfo.INTERNAL);
        world.clock.advance(Duration.ofDays(12).plusHours(1));
        assertThat(world.core.expiryReminders().runOnce(world.clock.instant())).isZero();
    }

    @Test
    void theOriginatingHospitalIsToldWhenATransferFails() {
        Transaction t = world.core.transactions().createTransfer(transfer(), new ClientInfo("10.0.0.5"));
        world.core.transactions().advance(t.id(), TransactionStatus.FAILED, "source PACS did not answer", ingest,
                ClientInfo.INTERNAL);
        world.deliverOutbox();
        assertThat(world.mail.sent()).filteredOn(m -> m.to().equals(Fixtures.STEE.contact().email()))
                .anySatisfy(m -> {
                    assertThat(m.subject()).isEqualTo("Transaction " + t.tracking() + " failed");
                    assertThat(m.textBody()).contains("source PACS did not answer");
                });
    }

    private Transaction sendToPatient() {
        Transaction t = world.core.transactions().createTransfer(transfer(), new ClientInfo("10.0.0.5"));
        return world.core.transactions().advance(t.id(), TransactionStatus.ON_IEP, "", ingest, ClientInfo.INTERNAL);
    }

    private static NewTransfer transfer() {
        PatientDetails patient = new PatientDetails("P0001", "STEE", "Jones", "Patricia",
                Fixtures.PATIENT.birthDate(), Sex.FEMALE, "9434765919", "", Fixtures.ADDRESS);
        return new NewTransfer(Fixtures.STEE_STAFF.id(), Fixtures.STEE.id(), patient, Fixtures.SMS_RECIPIENT,
                List.of(new SelectedStudy("1.2.826.0.1.3680043.8.498.1", "ACC001", "CT head")), Priority.NORMAL,
                "", Optional.empty());
    }
}
