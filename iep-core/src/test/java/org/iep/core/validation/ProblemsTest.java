package org.iep.core.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.iep.api.CoreErrorCode;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProblemsTest {

    @Test
    void collectsAllProblemsIntoOneTypedError() {
        Problems p = new Problems().text("", "name", 10).email("not-mail", "email").phone("07700 900123", "phone")
                .optionalText("x".repeat(11), "note", 10);
        assertThatThrownBy(p::throwIfAny).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(CoreErrorCode.INVALID_INPUT);
            assertThat(e.problems()).extracting(Problem::field).containsExactly("name", "email", "phone", "note");
            assertThat(e.getMessage()).startsWith("IEP-1001: 4 problem(s)");
        });
    }

    @Test
    void passesCleanInput() {
        Problems p = new Problems().text("Ada", "name", 10).email("pa.tient+x@test.example.com", "email")
                .phone("+447700900123", "phone").optionalText(null, "note", 10);
        assertThat(p.isEmpty()).isTrue();
        p.throwIfAny();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "@b.com", "a b@c.com", "a@b..com", "a@b.com\r\nBcc: x@y.com"})
    void refusesBadEmails(String email) {
        assertThat(new Problems().email(email, "e").isEmpty()).isFalse();
    }

    @Test
    void refusesControlCharactersInText() {
        assertThat(new Problems().text("a\u0000b", "t", 10).list()).extracting(Problem::message)
                .containsExactly("contains control characters");
        assertThat(new Problems().text("line\nnext", "t", 20).isEmpty()).isTrue();
    }
}
