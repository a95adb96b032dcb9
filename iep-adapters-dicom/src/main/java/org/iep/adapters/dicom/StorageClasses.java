package org.iep.adapters.dicom;

import java.util.List;

/**
 * The storage SOP classes (PS3.4 B.5) a C-GET retrieve offers to receive, and the transfer syntaxes proposed for
 * each: uncompressed first, then the compressed ones PACS keep studies in, so the peer can send them as stored. The
 * peer picks one syntax per class; sub-operations it cannot send in that syntax come back counted as failed.
 */
final class StorageClasses {
    private static final String P = "1.2.840.10008.5.1.4.1.1.";

    static final List<String> CLASSES = List.of(
            P + "1", P + "1.1", P + "1.1.1", P + "1.2", P + "1.2.1", P + "1.3", // CR, DX, mammography, intra-oral
            P + "2", P + "2.1", // CT, enhanced CT
            P + "3.1", P + "6.1", // ultrasound multi-frame and single frame
            P + "4", P + "4.1", P + "4.2", // MR, enhanced MR, MR spectroscopy
            P + "7", P + "7.1", P + "7.2", P + "7.3", P + "7.4", // secondary capture
            P + "9.1.1", P + "9.1.2", // ECG
            P + "11.1", // grayscale softcopy presentation state
            P + "12.1", P + "12.1.1", P + "12.2", P + "13.1.1", P + "13.1.3", // XA, XRF, 3D XA, tomosynthesis
            P + "20", P + "128", P + "130", // NM, PET, enhanced PET
            P + "66", P + "66.1", P + "66.4", // raw data, registration, segmentation
            P + "77.1.1", P + "77.1.2", P + "77.1.4", P + "77.1.5.1", // visible light
            P + "88.11", P + "88.22", P + "88.33", P + "88.59", P + "88.67", // SR, key objects, dose SR
            P + "104.1", // encapsulated PDF
            P + "481.1", P + "481.2", P + "481.3", P + "481.5"); // RT image, dose, structure set, plan

    static final List<String> SYNTAXES = List.of(
            "1.2.840.10008.1.2.1", "1.2.840.10008.1.2", // explicit, implicit little endian
            "1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57", "1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51",
            "1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91",
            "1.2.840.10008.1.2.5", "1.2.840.10008.1.2.1.99"); // JPEG, JPEG-LS, JPEG 2000, RLE, deflate

    /** The image classes most studies are made of: these also get one context per compressed syntax family. */
    static final List<String> IMAGE_CLASSES = List.of(P + "1", P + "1.1", P + "1.2", P + "2", P + "3.1", P + "6.1",
            P + "4", P + "7", P + "12.1", P + "20", P + "128");

    static final List<List<String>> COMPRESSED_FAMILIES = List.of(
            List.of("1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57"), // JPEG lossless
            List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"), // JPEG baseline, extended
            List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"), // JPEG-LS
            List.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"), // JPEG 2000
            List.of("1.2.840.10008.1.2.5"), // RLE
            List.of("1.2.840.10008.1.2.1.99")); // deflate

    private StorageClasses() {
    }

    /**
     * The storage contexts a C-GET proposes: for every class one with all syntaxes, uncompressed first (a peer that
     * converts picks that); for the common image classes also one per compressed family, so a peer that sends
     * instances only as it holds them has a context in that syntax. 50 + 11 x 6 = 116 contexts, with the retrieve
     * context within PS3.8's 128.
     */
    static List<List<String>> getContexts() {
        List<List<String>> contexts = new java.util.ArrayList<>();
        for (String c : CLASSES) {
            List<String> all = new java.util.ArrayList<>(List.of(c));
            all.addAll(SYNTAXES);
            contexts.add(all);
        }
        for (String c : IMAGE_CLASSES) {
            for (List<String> family : COMPRESSED_FAMILIES) {
                List<String> pc = new java.util.ArrayList<>(List.of(c));
                pc.addAll(family);
                contexts.add(pc);
            }
        }
        return List.copyOf(contexts);
    }
}
