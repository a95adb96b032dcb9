package org.iep.dicom.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.iep.dicom.DicomException;
import org.iep.dicom.net.dimse.CommandSet;

/** Any bytes as a DIMSE command set: every field an SCP reads, then encoded and decoded again. */
class CommandSetFuzzTest {
    private static final int[] US = {CommandSet.COMMAND_FIELD, CommandSet.MESSAGE_ID, CommandSet.MESSAGE_ID_RESPONDED,
        CommandSet.PRIORITY, CommandSet.DATA_SET_TYPE, CommandSet.STATUS, CommandSet.REMAINING, CommandSet.COMPLETED,
        CommandSet.FAILED, CommandSet.WARNING, CommandSet.MOVE_ORIGINATOR_ID};
    private static final int[] STRINGS = {CommandSet.AFFECTED_SOP_CLASS, CommandSet.AFFECTED_SOP_INSTANCE,
        CommandSet.MOVE_DESTINATION, CommandSet.MOVE_ORIGINATOR_AE, CommandSet.ERROR_COMMENT};

    @FuzzTest
    void decodeReadEveryField(byte[] data) {
        CommandSet c;
        try {
            c = CommandSet.decode(data);
        } catch (DicomException expected) {
            return;
        }
        for (int tag : US) {
            try {
                c.us(tag);
            } catch (DicomException expected) {
                // a value of the wrong length is a typed refusal
            }
        }
        for (int tag : STRINGS) {
            c.string(tag);
        }
        CommandSet.decode(c.encode());
    }
}
