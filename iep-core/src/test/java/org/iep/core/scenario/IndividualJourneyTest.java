package org.iep.core.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.ConflictException;
import org.iep.api.CoreErrorCode;
import org.iep.api.IepException;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualPrincipal;
import org.iep.core.access.LinkOutcome;
import org.iep.core.audit.ChainVerifier;
import org.iep.core.audit.ClientInfo;
import org.iep.core.forwarding.ForwardRequest;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.testkit.fixtures.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * The seeds' individual journey end to end through the wired core: a hospital sends a study to a patient → the
 * e-mail link → a texted passcode → view → download → forward three times → the fourth is refused → a forwardee
 * cannot forward; a decline withdraws access at once.
 */
class IndividualJourneyTest {
    private static final ClientInfo PHONE = new ClientInfo("198.51.100.7");
    private final World world = new World();

    @Test
    void transferLinkPasscodeViewDownloadForwardThriceThenRefused() {
        Transaction sent = sendToPatient();
        assertThat(sent.status()).isEqualTo(TransactionStatus.ON_IEP);

        String session = logIn(Fixtures.SMS_RECIPIENT);
        IndividualPrincipal viewer = world.core.individualAccess().authorize(session, Action.VIEW, PHONE);
        assertThat(viewer.transaction().id()).isEqualTo(sent.id());

        IndividualPrincipal downloader = world.core.individualAccess().authorize(session, Action.DOWNLOAD, PHONE);
        Transaction downloaded = world.core.downloads().recordDownload(downloader, "ab".repeat(32), PHONE);
        assertThat(downloaded.status()).isEqualTo(TransactionStatus.COMPLETE);

        List<IndividualRecipient> forwardees = List.of(forwardee("gp"), forwardee("lawyer"), forwardee("sister"));
        for (IndividualRecipient r : forwardees) {
            IndividualPrincipal p = world.core.individualAccess().authorize(session, Action.FORWARD, PHONE);
            Transaction fwd = world.core.forwarding().forward(p, new ForwardRequest(r, "For your records",
                    Optional.empty(), true), PHONE);
            assertThat(fwd.type()).isEqualTo(TransactionType.FORWARD);
            assertThat(fwd.parent()).contains(sent.id());
            assertThat(fwd.expires()).isBeforeOrEqualTo(sent.expires());
        }
        // a fourth is refused at once, and the dashboard no longer offers it
        assertThatThrownBy(() -> world.core.individualAccess().authorize(session, Action.FORWARD, PHONE))
                .isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.FORWARD_LIMIT_REACHED));
        IndividualPrincipal lister = world.core.individualAccess().authorize(session, Action.LIST, PHONE);
        assertThat(world.core.dashboard().all(lister)).filteredOn(e -> e.transaction().id().equals(sent.id()))
                .singleElement().satisfies(e -> assertThat(e.allowed()).doesNotContain(Action.FORWARD));
        assertThat(world.transactions.find(sent.id())).get().extracting(Transaction::forwardCount).isEqualTo(3);

        // the GP received a forward: they can view it but not forward it again
        String gpSession = logIn(forwardees.get(0));
        assertThat(world.core.individualAccess().authorize(gpSession, Action.VIEW, PHONE).transaction().type())
                .isEqualTo(TransactionType.FORWARD);
        assertThatThrownBy(() -> world.core.individualAccess().authorize(gpSession, Action.FORWARD, PHONE))
                .isInstanceOfSatisfying(IepException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.FORWARD_NOT_ALLOWED));

        // the originating hospital was told about every forward, and the trail is intact
        assertThat(world.mail.sent()).filteredOn(m -> m.to().equals(Fixtures.STEE.contact().email())).hasSizeGreaterThanOrEqualTo(3);
        assertThat(new ChainVerifier(world.audit).verify()).isInstanceOf(org.iep.core.audit.ChainCheck.Valid.class);
    }

    @Test
    void declineWithdrawsAccessAtOnce() {
        Transaction sent = sendToPatient();
        String session = logIn(Fixtures.SMS_RECIPIENT);
        IndividualPrincipal p = world.core.individualAccess().authorize(session, Action.DECLINE, PHONE);

        Transaction declined = world.core.decline().decline(p, "These are not my images", PHONE);

        assertThat(declined.status()).isEqualTo(TransactionStatus.DECLINED);
        assertThatThrownBy(() -> world.core.individualAccess().authorize(session, Action.VIEW, PHONE))
                .isInstanceOf(AccessDeniedException.class);
        // the link no longer sends passcodes either
        String token = world.latestLinkTokenFor(Fixtures.SMS_RECIPIENT.email());
        assertThat(world.core.linkOpening().open(token, PHONE)).isInstanceOf(LinkOutcome.Refused.class);
        assertThat(world.transactions.find(sent.id())).get().extracting(Transaction::status)
                .isEqualTo(TransactionStatus.DECLINED);
    }

    @Test
    void viewingStopsAfterElevenDaysDownloadingAfterFourteen() {
        sendToPatient();
        world.clock.advance(Duration.ofDays(11).plusMinutes(1));
        String session = logIn(Fixtures.SMS_RECIPIENT);
        assertThatThrownBy(() -> world.core.individualAccess().authorize(session, Action.VIEW, PHONE))
                .isInstanceOfSatisfying(IepException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.VIEW_WINDOW_CLOSED));
        assertThat(world.core.individualAccess().authorize(session, Action.DOWNLOAD, PHONE)).isNotNull();

        world.clock.advance(Duration.ofDays(3));
        assertThatThrownBy(() -> world.core.individualAccess().authorize(session, Action.DOWNLOAD, PHONE))
                .isInstanceOf(IepException.class);
    }

    private Transaction sendToPatient() {
        PatientDetails patient = new PatientDetails("P0001", "STEE", "Jones", "Patricia",
                Fixtures.PATIENT.birthDate(), Sex.FEMALE, "9434765919", "", Fixtures.ADDRESS);
        Transaction created = world.core.transactions().createTransfer(new NewTransfer(Fixtures.STEE_STAFF.id(),
                Fixtures.STEE.id(), patient, Fixtures.SMS_RECIPIENT,
                List.of(new SelectedStudy("1.2.826.0.1.3680043.8.498.1", "ACC001", "CT head")), Priority.NORMAL,
                "Your CT scan from March", Optional.empty()), new ClientInfo("10.0.0.5"));
        Party ingest = new Party.System("ingest");
        world.core.transactions().advance(created.id(), TransactionStatus.UPLOADING, "", ingest, ClientInfo.INTERNAL);
        return world.core.transactions().advance(created.id(), TransactionStatus.ON_IEP, "", ingest,
                ClientInfo.INTERNAL);
    }

    /** Link from the e-mail → passcode from the phone or second mailbox → a session. */
    private String logIn(IndividualRecipient who) {
        String token = world.latestLinkTokenFor(who.email());
        LinkOutcome opened = world.core.linkOpening().open(token, PHONE);
        assertThat(opened).isInstanceOf(LinkOutcome.CodeSent.class);
        assertThat(((LinkOutcome.CodeSent) opened).maskedDestination()).doesNotContain(who.passcodeDestination());
        String code = who.channel() == PasscodeChannel.SMS ? world.latestCodeTextedTo(who.phone())
                : world.latestCodeMailedTo(who.passcodeEmail());
        PasscodeCheck check = world.core.passcodes().verify(token, code, PHONE);
        assertThat(check).isInstanceOf(PasscodeCheck.Accepted.class);
        return ((PasscodeCheck.Accepted) check).sessionId();
    }

    private static IndividualRecipient forwardee(String name) {
        return new IndividualRecipient(name + "@example.net", "Recipient", name, Fixtures.ADDRESS, "",
                name + ".codes@example.net", Locale.UK, PasscodeChannel.EMAIL);
    }
}
