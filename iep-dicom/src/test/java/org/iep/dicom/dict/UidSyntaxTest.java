package org.iep.dicom.dict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** PS3.5 9.1 UID syntax, the one check the SCP, ingest and transfer validation share. */
class UidSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "1.2.840.10008.1.2.1", "2.25.0", "1.0.3",
            "1.2.333333333333333333333333333333333333333333333333333333333333"})
    void wellFormedUidsPass(String uid) {
        assertThat(UIDs.isValid(uid)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "1.", ".1", "1..2", "01.2", "1.02", "1.2a", "../1", "1/2", "1\\2", " 1.2",
            "1.2 ", "1.2.3333333333333333333333333333333333333333333333333333333333333"})
    void malformedUidsFail(String uid) {
        assertThat(UIDs.isValid(uid)).isFalse();
    }
}
