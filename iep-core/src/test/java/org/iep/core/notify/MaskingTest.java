package org.iep.core.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void masksEmailLikeThePortalUsersKnow() {
        assertThat(Masking.mask("patient@test.com")).isEqualTo("pa***@te****om");
        // short parts still hide everything but their first character
        assertThat(Masking.mask("a@b.io")).isEqualTo("a***@b***");
    }

    @Test
    void masksPhoneKeepingCountryCodeAndLastDigits() {
        assertThat(Masking.mask("+447700900123")).isEqualTo("+44*******123");
    }

    @Test
    void addresseeToStringNeverShowsTheAddress() {
        assertThat(Addressee.sms("+447700900123", java.util.Locale.UK).toString()).doesNotContain("7700900");
    }
}
