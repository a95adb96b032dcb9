package org.iep.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.iep.core.access.AccessFixture.CLIENT;

import java.time.Duration;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.transaction.Transaction;
import org.junit.jupiter.api.Test;

class DashboardTest {
    private final AccessFixture f = new AccessFixture();
    private final IndividualRecipient pat = AccessFixture.individual("patient@test.com", "+447700900123");

    @Test
    void allShowsTwentyEightDaysActionRequiredShowsWhatIsWaiting() {
        Transaction old = f.transferTo(pat);
        f.clock.advance(Duration.ofDays(20));
        Transaction recent = f.transferTo(pat);
        f.clock.advance(Duration.ofDays(8)); // old is exactly 28 days old now
        Transaction today = f.transferTo(pat);
        f.transferTo(AccessFixture.individual("someone.else@test.com", "+447700900999"));
        f.mail.clear();

        IndividualPrincipal p = f.access.authorize(f.login(pat), Action.LIST, CLIENT);
        assertThat(f.dashboard.all(p)).extracting(e -> e.transaction().id())
                .containsExactly(today.id(), recent.id(), old.id());
        assertThat(f.dashboard.actionRequired(p)).extracting(e -> e.transaction().id())
                .containsExactly(today.id(), recent.id());

        f.clock.advance(Duration.ofSeconds(1));
        assertThat(f.dashboard.all(p)).extracting(e -> e.transaction().id())
                .containsExactly(today.id(), recent.id());

        IndividualPrincipal download = f.access.authorize(f.login(pat), Action.DOWNLOAD, CLIENT);
        f.downloads.recordDownload(download, "b".repeat(64), CLIENT);
        assertThat(f.dashboard.actionRequired(p)).extracting(e -> e.transaction().id())
                .containsExactly(recent.id());
        assertThat(f.dashboard.all(p)).hasSize(2);
    }

    @Test
    void entriesCarryTheContactAndTheButtonsAllowedNow() {
        Transaction t = f.transferTo(pat);
        f.clock.advance(Duration.ofDays(12));
        IndividualPrincipal p = f.access.authorize(f.login(pat), Action.LIST, CLIENT);
        assertThat(f.dashboard.all(p)).singleElement().satisfies(e -> {
            assertThat(e.transaction().id()).isEqualTo(t.id());
            assertThat(e.institutionName()).isEqualTo("South Tees Hospital");
            assertThat(e.contact().email()).isEqualTo("medrec@stee.example.org");
            assertThat(e.expires()).isEqualTo(t.created().plus(Duration.ofDays(14)));
            // past the view window: no View button
            assertThat(e.allowed()).containsExactlyInAnyOrder(Action.DOWNLOAD, Action.FORWARD, Action.DECLINE,
                    Action.LIST);
        });
    }

    @Test
    void aPackageForTheSameAddressButAnotherPhoneIsListedWithoutButtons() {
        Transaction mine = f.transferTo(pat);
        String session = f.login(pat);
        Transaction otherPhone = f.transferTo(AccessFixture.individual("patient@test.com", "+447700900777"));
        IndividualPrincipal p = f.access.authorize(session, Action.LIST, CLIENT);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> f.access.authorize(session, otherPhone.id(), Action.VIEW, CLIENT))
                .isInstanceOf(org.iep.api.AccessDeniedException.class);
        assertThat(f.dashboard.all(p)).extracting(e -> e.transaction().id(), e -> e.allowed().isEmpty())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mine.id(), false),
                        org.assertj.core.groups.Tuple.tuple(otherPhone.id(), true));
    }
}
