package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.pdu.Pdu;
import org.iep.dicom.net.pdu.PduCodec;

/** Any bytes as one Upper Layer PDU (header included), and a decoded PDU encoded and decoded again. */
class PduDecoderFuzzTest {

    @FuzzTest
    void decodeAndReencode(byte[] data) {
        Pdu pdu;
        try {
            pdu = PduCodec.decode(data, 1 << 16);
        } catch (DicomException expected) {
            return;
        }
        PduCodec.decode(PduCodec.encode(pdu), 1 << 16);
    }
}
