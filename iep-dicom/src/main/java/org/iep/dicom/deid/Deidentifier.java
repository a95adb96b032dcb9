package org.iep.dicom.deid;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomParseException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;
import org.iep.dicom.io.Part10Rewriter;
import org.iep.dicom.io.PixelDataHeader;

/**
 * Applies a {@link DeidProfile} to data sets and files. Every attribute of Table E.1-1 gets its action (the basic
 * one, or the chosen options'), sequences are de-identified item by item, private attributes go unless kept as safe,
 * the patient gets keyed pseudonyms (ID, and a name built from it), and the result is marked (0012,0062) YES with
 * (0012,0063), (0012,0064) and (0028,0303). Files stream: the header is changed in memory, the pixel data copied
 * stream to stream behind a fresh file meta and a zeroed preamble. Thread-safe.
 */
public final class Deidentifier {
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int BURNED_IN = 0x00280301;
    private static final int IDENTITY_REMOVED = 0x00120062;
    private static final int METHOD = 0x00120063;
    private static final int METHOD_CODES = 0x00120064;
    private static final int TEMPORAL_MODIFIED = 0x00280303;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    private final DeidProfile profile;
    private final Pseudonyms pseudonyms;
    private final DeidTable table = DeidTable.standard();
    private final DicomWriter writer = new DicomWriter();

    public Deidentifier(DeidProfile profile, Pseudonyms pseudonyms) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.pseudonyms = Objects.requireNonNull(pseudonyms, "pseudonyms");
    }

    /** A de-identified copy of {@code ds}; {@code ds} is not changed. */
    public Attributes deidentify(Attributes ds) {
        Attributes copy = ds.copy();
        apply(copy);
        return copy;
    }

    /**
     * Reads a Part 10 file from {@code in} and writes its de-identified form to {@code out} (neither closed). Throws
     * the toolkit's typed exceptions for input that is not DICOM; whatever was written by then is incomplete.
     */
    public DeidResult deidentify(InputStream in, OutputStream out) {
        return deidentify(in, out, original -> { });
    }

    /**
     * As {@link #deidentify(InputStream, OutputStream)}, showing {@code original} the data set as read (up to the
     * pixel data, before any change) before anything is written: a caller that throws there writes nothing, and
     * one that must know whom a pseudonym stands for reads the patient there.
     */
    public DeidResult deidentify(InputStream in, OutputStream out, Consumer<Attributes> original) {
        Objects.requireNonNull(original, "original");
        DicomReader reader = DicomReader.open(new FilterInputStream(in) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        });
        DicomFile header = reader.readUntilPixelData();
        Attributes ds = header.dataSet();
        original.accept(ds.copy());
        Counts counts = apply(ds);
        boolean burnedIn = "YES".equalsIgnoreCase(text(ds, BURNED_IN));
        PixelDataHeader pixel = header.pixelData();
        if (header.transferSyntax().deflated()) {
            deflated(reader, header, ds, out);
        } else {
            writer.write(out, new Attributes(), ds, header.transferSyntax());
            if (pixel != null) {
                writer.writePixelDataHeader(out, pixel, header.transferSyntax());
                reader.copyPixelData(out);
                Attributes after = new Attributes();
                for (DicomElement e : reader.readRest().dataSet().elements()) {
                    if (Integer.compareUnsigned(e.tag(), Tags.PixelData) > 0) {
                        after.set(e);
                    }
                }
                process(after, counts, shiftDays(ds));
                if (!after.isEmpty()) {
                    writer.writeDataSet(out, after, header.transferSyntax());
                }
            }
        }
        return new DeidResult(burnedIn, text(ds, Tags.SOPInstanceUID), counts.removed, counts.replaced,
                new DicomFile(new Attributes(), ds, header.transferSyntax(), pixel));
    }

    /** A deflated data set cannot be streamed around its pixel data: it is re-encoded whole, within a bound. */
    private void deflated(DicomReader reader, DicomFile header, Attributes ds, OutputStream out) {
        PixelDataHeader pixel = header.pixelData();
        if (pixel != null) {
            if (pixel.isEncapsulated() || pixel.length() > Part10Rewriter.MAX_DEFLATED_BYTES) {
                throw new DicomParseException(pixel.valuePosition(), "deflated pixel data that is encapsulated or"
                        + " larger than " + Part10Rewriter.MAX_DEFLATED_BYTES + " bytes");
            }
            ByteArrayOutputStream value = new ByteArrayOutputStream((int) pixel.length());
            reader.copyPixelData(value);
            ds.setBytes(Tags.PixelData, pixel.vr(), value.toByteArray());
        }
        writer.write(out, new Attributes(), ds, header.transferSyntax());
    }

    private static final class Counts {
        int removed;
        int replaced;
    }

    private Counts apply(Attributes ds) {
        Counts counts = new Counts();
        String originalPatient = text(ds, PATIENT_ID);
        int shift = shiftDays(ds);
        process(ds, counts, shift);
        if (!profile.overrides().containsKey(PATIENT_ID)) {
            String pid = pseudonyms.patientId(originalPatient);
            ds.setString(PATIENT_ID, VR.LO, pid);
            if (!profile.overrides().containsKey(PATIENT_NAME)) {
                ds.setString(PATIENT_NAME, VR.PN, "ANONYMOUS^" + pid);
            }
        }
        mark(ds, shift);
        return counts;
    }

    private int shiftDays(Attributes ds) {
        return profile.options().contains(DeidOption.RETAIN_LONG_MODIFIED_DATES)
                ? pseudonyms.dateShiftDays(text(ds, PATIENT_ID)) : 0;
    }

    private void process(Attributes ds, Counts counts, int shift) {
        java.util.Set<Integer> overlays = new java.util.HashSet<>();
        for (int tag : ds.tags()) {
            if ((tag & 0xFF01FFFF) == 0x60003000) {
                overlays.add(Tag.group(tag));
            }
        }
        for (int tag : new ArrayList<>(ds.tags())) {
            DicomElement e = ds.get(tag);
            if (Tag.isPrivate(tag)) {
                if (!keptPrivate(ds, tag)) {
                    ds.remove(tag);
                    counts.removed++;
                }
                continue;
            }
            DeidAction action = profile.overrides().get(tag);
            if (action == null) {
                action = table.row(tag).map(r -> DeidTable.action(r, profile.options())).orElse(DeidAction.K);
            }
            apply(ds, knownVr(ds, e), action, counts, shift);
        }
        dropOrphanOverlays(ds, overlays, counts);
    }

    /**
     * An element read as UN (implicit VR private-dictionary gaps, UN-encoded UIDs as in the corpus RT dose) whose VR
     * the dictionary knows is treated with that VR: a UN SOP Instance UID must get its keyed replacement, not an
     * empty value.
     */
    private static DicomElement knownVr(Attributes ds, DicomElement e) {
        if (!(e instanceof ValueElement v) || v.vr() != VR.UN) {
            return e;
        }
        org.iep.dicom.dict.DictionaryEntry entry = org.iep.dicom.dict.ElementDictionary.standard().lookup(e.tag());
        if (entry == null || entry.vrs().size() != 1 || entry.vr() == VR.SQ || entry.vr() == VR.UN) {
            return e;
        }
        ValueElement typed = v.withVr(entry.vr());
        ds.set(typed);
        return typed;
    }

    /** Overlay Data is Type 1 in the Overlay Plane: once removed, the rest of its 60xx group goes too. */
    private static void dropOrphanOverlays(Attributes ds, java.util.Set<Integer> hadData, Counts counts) {
        for (int tag : new ArrayList<>(ds.tags())) {
            int group = Tag.group(tag);
            if (hadData.contains(group) && !ds.contains((group << 16) | 0x3000)) {
                ds.remove(tag);
                counts.removed++;
            }
        }
    }

    private void apply(Attributes ds, DicomElement e, DeidAction action, Counts counts, int shift) {
        int tag = e.tag();
        if (e instanceof SequenceElement s) {
            switch (action) {
                case X -> {
                    ds.remove(tag);
                    counts.removed++;
                }
                case Z -> {
                    ds.newSequence(tag);
                    counts.replaced++;
                }
                case D -> {
                    // dummy items: the items themselves, every attribute in them de-identified by the table;
                    // emptying a Type 1 or 1C sequence (Content, Verifying Observer) would make the file invalid
                    for (Attributes item : s.items()) {
                        process(item, counts, shift);
                    }
                    counts.replaced++;
                }
                default -> {
                    for (Attributes item : s.items()) {
                        process(item, counts, shift);
                    }
                }
            }
            return;
        }
        switch (action) {
            case K -> {
            }
            case X -> {
                ds.remove(tag);
                counts.removed++;
            }
            case Z -> {
                ds.set(ValueElement.empty(tag, e.vr()));
                counts.replaced++;
            }
            case U -> {
                uids(ds, tag);
                counts.replaced++;
            }
            case D -> {
                dummy(ds, tag, e.vr());
                counts.replaced++;
            }
            case C -> {
                clean(ds, tag, e.vr(), shift);
                counts.replaced++;
            }
            default -> throw new IllegalStateException(action.name());
        }
    }

    private void uids(Attributes ds, int tag) {
        if (ds.get(tag).vr() != VR.UI) {
            dummy(ds, tag, ds.get(tag).vr());
            return;
        }
        String[] values = strings(ds, tag);
        String[] replaced = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            replaced[i] = values[i].isEmpty() ? "" : pseudonyms.uid(values[i]);
        }
        ds.setString(tag, VR.UI, replaced);
    }

    /** A value of the same VR that says nothing about anyone. */
    private void dummy(Attributes ds, int tag, VR vr) {
        switch (vr) {
            case UI -> uids(ds, tag);
            case DA -> ds.setString(tag, vr, "19000101");
            case TM -> ds.setString(tag, vr, "000000");
            case DT -> ds.setString(tag, vr, "19000101000000");
            case AS -> ds.setString(tag, vr, "000Y");
            case DS, IS -> ds.setString(tag, vr, "0");
            case PN -> ds.setString(tag, vr, "ANONYMOUS");
            case UR -> ds.setString(tag, vr, "urn:iep:anonymized");
            case AE, CS, SH, LO, LT, ST, UT, UC -> ds.setString(tag, vr, "ANONYMIZED");
            default -> ds.set(ValueElement.of(tag, vr, new byte[Math.max(0, vr.valueSize())]));
        }
    }

    /** Dates move back by the patient's shift when modified dates are kept; other values become neutral. */
    private void clean(Attributes ds, int tag, VR vr, int shift) {
        if (shift > 0 && (vr == VR.DA || vr == VR.DT)) {
            String[] values = strings(ds, tag);
            for (int i = 0; i < values.length; i++) {
                values[i] = shifted(values[i], vr, shift);
            }
            ds.setString(tag, vr, values);
        } else if (vr == VR.DA || vr == VR.DT || vr == VR.TM) {
            dummy(ds, tag, vr);
        } else if (vr.kind() == VR.Kind.STRING || vr.kind() == VR.Kind.TEXT) {
            ds.setString(tag, vr, vr == VR.PN ? "ANONYMOUS" : "CLEANED");
        } else {
            ds.set(ValueElement.empty(tag, vr));
        }
    }

    private static String shifted(String value, VR vr, int days) {
        if (value.length() < 8) {
            return vr == VR.DA ? "19000101" : "19000101000000";
        }
        try {
            String moved = DA.format(LocalDate.parse(value.substring(0, 8), DA).minusDays(days));
            return moved + value.substring(8);
        } catch (DateTimeParseException e) {
            return vr == VR.DA ? "19000101" : "19000101000000";
        }
    }

    /** Under the safe-private option, a private element of a listed creator and element byte (and its creator). */
    private boolean keptPrivate(Attributes ds, int tag) {
        if (!profile.options().contains(DeidOption.RETAIN_SAFE_PRIVATE) || profile.safePrivate().isEmpty()) {
            return false;
        }
        int element = tag & 0xFFFF;
        if (element >= 0x0010 && element <= 0x00FF) {
            String creator = text(ds, tag);
            return profile.safePrivate().stream().anyMatch(s -> s.creator().equals(creator));
        }
        String creator = ds.getPrivateCreator(tag);
        return creator != null && profile.safePrivate().contains(new DeidProfile.SafePrivate(creator,
                element & 0xFF));
    }

    private void mark(Attributes ds, int shift) {
        Set<DeidOption> options = profile.options();
        ds.setString(IDENTITY_REMOVED, VR.CS, "YES");
        List<String> method = new ArrayList<>();
        method.add("IEP " + profile.name());
        method.add(DeidOption.BASIC_MEANING);
        options.stream().sorted().forEach(o -> method.add(o.meaning().length() > 64 ? o.meaning().substring(0, 64)
                : o.meaning()));
        ds.setString(METHOD, VR.LO, method.toArray(String[]::new));
        SequenceElement codes = ds.newSequence(METHOD_CODES);
        code(codes.addItem(), DeidOption.BASIC_CODE, DeidOption.BASIC_MEANING);
        options.stream().sorted().forEach(o -> code(codes.addItem(), o.code(), o.meaning()));
        ds.setString(TEMPORAL_MODIFIED, VR.CS, options.contains(DeidOption.RETAIN_LONG_FULL_DATES) ? "UNMODIFIED"
                : shift > 0 ? "MODIFIED" : "REMOVED");
    }

    private static void code(Attributes item, String value, String meaning) {
        item.setString(0x00080100, VR.SH, value);
        item.setString(0x00080102, VR.SH, "DCM");
        item.setString(0x00080104, VR.LO, meaning);
    }

    private static String text(Attributes ds, int tag) {
        try {
            String v = ds.getString(tag);
            return v == null ? "" : v.strip();
        } catch (DicomException e) {
            return "";
        }
    }

    private static String[] strings(Attributes ds, int tag) {
        try {
            return ds.getStrings(tag);
        } catch (DicomException e) {
            return new String[0];
        }
    }
}
