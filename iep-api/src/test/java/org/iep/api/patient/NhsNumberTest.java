package org.iep.api.patient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NhsNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"9434765919", "4010232137", "9990000018", "9876543210"})
    void acceptsNumbersWithTheRightCheckDigit(String n) {
        assertThat(NhsNumber.isValid(n)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9434765918", "943476591", "94347659190", "94347659a9", "", "1000000010"})
    void refusesWrongCheckDigitLengthOrCharacters(String n) {
        assertThat(NhsNumber.isValid(n)).isFalse();
    }

    @Test
    void checkDigitTenIsNeverValid() {
        // weights 10..2 over 000000001 give 2; 11 - 2 = 9. Over 000000060: 6*3=18, 18 mod 11 = 7, 11-7 = 4.
        // 1000000010 sums to 10*1 + 2*1 = 12 -> 12 mod 11 = 1 -> check 10 -> invalid whatever the last digit.
        for (int last = 0; last <= 9; last++) {
            assertThat(NhsNumber.isValid("100000001" + last)).isFalse();
        }
    }

    @Test
    void parsesSpacedFormAndFormats() {
        assertThat(NhsNumber.parse("943 476 5919")).get().extracting(NhsNumber::formatted)
                .isEqualTo("943 476 5919");
        assertThat(NhsNumber.parse("943-476-5918")).isEmpty();
        assertThatThrownBy(() -> new NhsNumber("1234567890")).isInstanceOf(IllegalArgumentException.class);
    }
}
