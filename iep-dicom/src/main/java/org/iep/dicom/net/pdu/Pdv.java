package org.iep.dicom.net.pdu;

import java.util.Objects;

/**
 * A presentation data value: one fragment of a command or data set on a presentation context.
 *
 * @param contextId odd presentation context ID 1-255
 * @param command true for a command fragment, false for data set
 * @param last true for the last fragment of the command or data set
 * @param data the fragment (not copied: PDVs are transient buffers)
 */
public record Pdv(int contextId, boolean command, boolean last, byte[] data) {
    public Pdv {
        Objects.requireNonNull(data);
    }

    /** The message control header byte (PS3.8 E.2). */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }
}
