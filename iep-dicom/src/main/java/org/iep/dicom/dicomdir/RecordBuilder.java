package org.iep.dicom.dicomdir;

import java.util.List;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.ElementDictionary;

/**
 * Builds the attributes of one directory record from a file's data set: the record header (offsets as 0, to be
 * set once positions are known), the keys of its type, Specific Character Set when a key holds text in it.
 * Problems (a type 1 key without a value) are added to a list rather than thrown, so that every input is reported.
 */
final class RecordBuilder {

    static final int NEXT = Tags.OffsetOfTheNextDirectoryRecord;
    static final int LOWER = Tags.OffsetOfReferencedLowerLevelDirectoryEntity;
    private static final int IN_USE = 0x00041410;
    private static final int VERIFICATION_FLAG = RecordKey.of("VerificationFlag", 1).tag();
    private static final int VERIFYING_OBSERVER_SEQUENCE = RecordKey.of("VerifyingObserverSequence", 3).tag();
    private static final int VERIFICATION_DATE_TIME = RecordKey.of("VerificationDateTime", 1).tag();
    private static final int RELATIONSHIP_TYPE = RecordKey.of("RelationshipType", 1).tag();
    private static final int BLENDING_SEQUENCE = RecordKey.of("BlendingSequence", 3).tag();
    private static final int REFERENCED_SERIES_SEQUENCE = RecordKey.of("ReferencedSeriesSequence", 3).tag();
    private static final List<Integer> STUDY_DATE_FALLBACK = List.of(Tags.SeriesDate, tag("AcquisitionDate"),
            Tags.ContentDate);
    private static final List<Integer> STUDY_TIME_FALLBACK = List.of(tag("SeriesTime"), tag("AcquisitionTime"),
            tag("ContentTime"));

    private RecordBuilder() {
    }

    /** A record of {@code type} with its keys from {@code ds}; problems are appended as "file: reason". */
    static Attributes build(String type, Attributes ds, String file, List<String> problems) {
        Attributes r = new Attributes();
        r.setInt(NEXT, VR.UL, 0);
        r.setInt(IN_USE, VR.US, 0xFFFF);
        r.setInt(LOWER, VR.UL, 0);
        r.setString(Tags.DirectoryRecordType, VR.CS, type);
        for (RecordKey key : RecordTypes.keys(type)) {
            DicomElement e = valued(ds.get(key.tag()));
            if (e == null && key.tag() == Tags.StudyDate) {
                e = firstValued(ds, STUDY_DATE_FALLBACK, Tags.StudyDate);
            } else if (e == null && key.tag() == Tags.StudyTime) {
                e = firstValued(ds, STUDY_TIME_FALLBACK, Tags.StudyTime);
            }
            if (e != null) {
                r.set(copy(e));
            } else if (key.type() == 1) {
                problems.add(file + ": the " + type + " record needs " + key.label() + ", which the file lacks");
            } else if (key.type() == 2) {
                r.setEmpty(key.tag(), key.vr());
            }
        }
        if (type.equals(RecordTypes.SR_DOCUMENT)) {
            addVerificationDateTime(r, ds, file, problems);
        }
        if (type.equals(RecordTypes.SR_DOCUMENT) || type.equals(RecordTypes.KEY_OBJECT_DOC)) {
            addConceptModifiers(r, ds);
        }
        if (type.equals(RecordTypes.PRESENTATION)) {
            addBlending(r, ds);
        }
        addCharacterSet(r, ds);
        return r;
    }

    /** Referenced File ID and the SOP class, instance and transfer syntax of the file, for leaf records. */
    static void reference(Attributes r, List<String> fileId, String sopClass, String sopInstance, String ts) {
        r.setString(Tags.ReferencedFileID, VR.CS, fileId.toArray(String[]::new));
        r.setString(Tags.ReferencedSOPClassUIDInFile, VR.UI, sopClass);
        r.setString(Tags.ReferencedSOPInstanceUIDInFile, VR.UI, sopInstance);
        r.setString(Tags.ReferencedTransferSyntaxUIDInFile, VR.UI, ts);
    }

    private static DicomElement valued(DicomElement e) {
        return e == null || e.isEmpty() ? null : e;
    }

    private static DicomElement firstValued(Attributes ds, List<Integer> tags, int as) {
        for (int t : tags) {
            if (valued(ds.get(t)) instanceof ValueElement v) {
                return ValueElement.wrap(as, v.vr(), v.unsafeBytes());
            }
        }
        return null;
    }

    /**
     * Values are immutable and shared; sequences are copied item by item. A standard element read as UN (explicit VR
     * files written by tools that did not know it) gets its dictionary VR: the value bytes are the same.
     */
    private static DicomElement copy(DicomElement e) {
        if (e instanceof ValueElement v && v.vr() == VR.UN) {
            VR known = ElementDictionary.standard().vrOf(v.tag());
            return known == VR.UN || known == VR.SQ ? v : v.withVr(known);
        }
        if (!(e instanceof SequenceElement s)) {
            return e;
        }
        SequenceElement out = new SequenceElement(s.tag());
        for (Attributes item : s.items()) {
            out.addItem(item.copy());
        }
        return out;
    }

    /** Required when the report is VERIFIED: the most recent (last) verifying observer's date and time. */
    private static void addVerificationDateTime(Attributes r, Attributes ds, String file, List<String> problems) {
        if (!"VERIFIED".equals(ds.getString(VERIFICATION_FLAG))) {
            return;
        }
        List<Attributes> observers = ds.getItems(VERIFYING_OBSERVER_SEQUENCE);
        DicomElement dt = observers.isEmpty() ? null : valued(observers.get(observers.size() - 1)
                .get(VERIFICATION_DATE_TIME));
        if (dt == null) {
            problems.add(file + ": a VERIFIED report without Verification DateTime in its Verifying Observer Sequence");
        } else {
            r.set(dt);
        }
    }

    /** Content Sequence 1C: the content items that modify the document title (HAS CONCEPT MOD). */
    private static void addConceptModifiers(Attributes r, Attributes ds) {
        SequenceElement out = null;
        for (Attributes item : ds.getItems(Tags.ContentSequence)) {
            if ("HAS CONCEPT MOD".equals(item.getString(RELATIONSHIP_TYPE))) {
                if (out == null) {
                    out = new SequenceElement(Tags.ContentSequence);
                }
                out.addItem(item.copy());
            }
        }
        if (out != null) {
            r.set(out);
        }
    }

    /** Blending Sequence 1C: for each of (at most) two items, its study and referenced series. */
    private static void addBlending(Attributes r, Attributes ds) {
        List<Attributes> items = ds.getItems(BLENDING_SEQUENCE);
        if (items.isEmpty()) {
            return;
        }
        SequenceElement out = new SequenceElement(BLENDING_SEQUENCE);
        for (Attributes item : items.subList(0, Math.min(2, items.size()))) {
            Attributes copy = out.addItem();
            for (int tag : List.of(Tags.StudyInstanceUID, REFERENCED_SERIES_SEQUENCE)) {
                if (item.get(tag) != null) {
                    copy.set(copy(item.get(tag)));
                }
            }
        }
        r.set(out);
    }

    /** Specific Character Set 1C: copied when a key of the record holds text the character set applies to. */
    private static void addCharacterSet(Attributes r, Attributes ds) {
        DicomElement cs = valued(ds.get(Tags.SpecificCharacterSet));
        if (cs != null && holdsText(r)) {
            r.set(cs);
        }
    }

    private static boolean holdsText(Attributes a) {
        for (DicomElement e : a.elements()) {
            if (e.vr().usesSpecificCharacterSet()) {
                return true;
            }
            if (e instanceof SequenceElement s) {
                for (Attributes item : s.items()) {
                    if (holdsText(item)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static int tag(String keyword) {
        return RecordKey.of(keyword, 3).tag();
    }
}
