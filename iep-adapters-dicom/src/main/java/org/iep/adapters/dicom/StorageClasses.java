package org.iep.adapters.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * The storage SOP classes (PS3.4 B.5) a C-GET retrieve offers to receive, and its storage presentation contexts,
 * a fixed choice within PS3.8's 128 contexts ({@link #getContexts()} says which and why). The peer picks one syntax
 * per context and sends each instance on a context for its class; what it cannot send is a failed sub-operation.
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

    /** Classes of {@link #CLASSES} without pixel data: nothing compressed to ask for again. */
    static final java.util.Set<String> WITHOUT_PIXELS = java.util.Set.of(P + "4.2", P + "9.1.1", P + "9.1.2",
            P + "11.1", P + "66", P + "66.1", P + "88.11", P + "88.22", P + "88.33", P + "88.59", P + "88.67",
            P + "104.1", P + "481.3", P + "481.5");

    static final List<List<String>> COMPRESSED_FAMILIES = List.of(
            List.of("1.2.840.10008.1.2.4.70", "1.2.840.10008.1.2.4.57"), // JPEG lossless
            List.of("1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51"), // JPEG baseline, extended
            List.of("1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.81"), // JPEG-LS
            List.of("1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.4.91"), // JPEG 2000
            List.of("1.2.840.10008.1.2.5"), // RLE
            List.of("1.2.840.10008.1.2.1.99")); // deflate

    /** PS3.8: 128 contexts per association; one is the C-GET's own. */
    static final int STORAGE_CONTEXTS = 127;

    private StorageClasses() {
    }

    /**
     * The storage contexts a C-GET proposes: every class in one context with every syntax, uncompressed first, and
     * the 11 common image classes also one context per compressed family (46 + 11 x 6 = 112). Why uncompressed is
     * not a context of its own: dcmqrscp (dcmtk 3.6.7), which does not convert, picks a sub-operation's context by
     * SOP class alone and prefers an uncompressed one whenever it accepted one, so a separate uncompressed context
     * made every compressed instance fail against it (CGetFaultsTest's RLE study: 0 of 2). With one context for all
     * syntaxes such a peer accepts there the syntax it prefers, and instances held in it go through; a peer that
     * chooses the context by the instance's syntax finds its family's context. A study with one class in several
     * syntaxes, from a peer that neither converts nor chooses by syntax, fails for all but one of them in this
     * pass (dcmqrscp +xs holding an uncompressed and a JPEG Lossless CT: 1 completed, 1 failed), which is why
     * {@link CGetRetrieve} asks again for what was not sent, in the {@link #retryPasses()}. Proposing the study's
     * own classes (C-FIND first) would give each of them every family, but costs a second association per retrieve
     * and dcmqrscp answers neither SOP Classes in Study nor SOP Class UID at image level, so it is not done.
     */
    static List<List<String>> getContexts() {
        List<List<String>> contexts = new ArrayList<>();
        CLASSES.forEach(c -> contexts.add(with(c, SYNTAXES)));
        for (String c : IMAGE_CLASSES) {
            COMPRESSED_FAMILIES.forEach(f -> contexts.add(with(c, f)));
        }
        return List.copyOf(contexts);
    }

    /**
     * The passes for asking again for instances a peer could not send in the syntax it chose for their class:
     * uncompressed only (every class, 46 contexts), then each compressed family alone (every class with pixel data,
     * 32 contexts each). A peer that picks a context by SOP class then has, in each pass, one syntax per class.
     */
    static List<List<List<String>>> retryPasses() {
        List<List<List<String>>> passes = new ArrayList<>();
        List<List<String>> uncompressed = new ArrayList<>();
        CLASSES.forEach(c -> uncompressed.add(with(c, SYNTAXES.subList(0, 2))));
        passes.add(List.copyOf(uncompressed));
        for (List<String> family : COMPRESSED_FAMILIES) {
            passes.add(CLASSES.stream().filter(c -> !WITHOUT_PIXELS.contains(c)).map(c -> with(c, family)).toList());
        }
        return List.copyOf(passes);
    }

    private static List<String> with(String sopClass, List<String> syntaxes) {
        List<String> pc = new ArrayList<>(List.of(sopClass));
        pc.addAll(syntaxes);
        return List.copyOf(pc);
    }
}
