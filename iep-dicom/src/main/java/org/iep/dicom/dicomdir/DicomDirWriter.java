package org.iep.dicom.dicomdir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.iep.dicom.DicomDirException;
import org.iep.dicom.DicomErrorCode;
import org.iep.dicom.DicomException;
import org.iep.dicom.DicomIoException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.DicomElement;
import org.iep.dicom.data.SequenceElement;
import org.iep.dicom.data.Tags;
import org.iep.dicom.data.VR;
import org.iep.dicom.data.ValueElement;
import org.iep.dicom.dict.ElementDictionary;
import org.iep.dicom.dict.TransferSyntax;
import org.iep.dicom.dict.UIDs;
import org.iep.dicom.io.DicomFile;
import org.iep.dicom.io.DicomReader;
import org.iep.dicom.io.DicomWriter;

/**
 * Writes {@code root/DICOMDIR} for Part 10 files under {@code root}: PATIENT / STUDY / SERIES records and one leaf
 * record per file typed by its SOP class (IMAGE, SR DOCUMENT, PRESENTATION, WAVEFORM, RT DOSE ...; see PS3.3 F.4),
 * with the keys of PS3.3 F.5, in explicit VR little endian with explicit lengths and correct offsets.
 *
 * <p>Everything is checked before anything is written: every file name must already be a DICOM file ID (the writer
 * never renames; {@link FileSetLayout} copies files under compliant names), every file must be Part 10 with the keys
 * its records need, and no SOP instance may appear twice. All problems are reported at once in one
 * {@link DicomDirException} ({@link DicomDirException#problems()}: one line per file); the DICOMDIR is then left
 * untouched. The file is written to a temporary name and moved into place. Records are ordered like dcmtk's:
 * patients and studies as their files come in file ID order, series by Series Number, leaves by Instance Number.
 * Stateless apart from its options; thread-safe.
 */
public final class DicomDirWriter {

    /** The name of the directory file. */
    public static final String DICOMDIR = "DICOMDIR";

    private static final Pattern FILE_SET_ID = Pattern.compile("[A-Z0-9_ ]{0,16}");
    private static final TransferSyntax TS = TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN;

    private final String fileSetId;

    /**
     * @param fileSetId File-set ID (0004,1130): up to 16 characters A-Z, 0-9, '_' and space; "" for none
     */
    public DicomDirWriter(String fileSetId) {
        if (!FILE_SET_ID.matcher(fileSetId).matches()) {
            throw new IllegalArgumentException("a File-set ID is up to 16 characters A-Z, 0-9, _ and space: \""
                    + fileSetId + "\"");
        }
        this.fileSetId = fileSetId;
    }

    /** A writer with File-set ID "IEP". */
    public DicomDirWriter() {
        this("IEP");
    }

    /**
     * Indexes {@code files} (all under {@code root}) and writes {@code root/DICOMDIR}, replacing any there.
     *
     * @return the written DICOMDIR as {@link DicomDirReader} reads it back
     * @throws DicomDirException 5302 if a file name is not a DICOM file ID, 5303 if a file cannot be indexed
     */
    public DicomDir write(Path root, Collection<Path> files) {
        byte[] bytes = toBytes(root, files);
        Path target = root.resolve(DICOMDIR);
        try {
            // not Files.createTempFile: its owner-only permissions would stay on the DICOMDIR of the medium
            Path tmp = root.resolve(".DICOMDIR." + java.util.UUID.randomUUID() + ".tmp");
            try {
                Files.write(tmp, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
                        java.nio.file.StandardOpenOption.WRITE);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DicomIoException("cannot write " + target + ": " + e.getMessage(), e);
        }
        return DicomDirReader.read(bytes);
    }

    /** The DICOMDIR for {@code files} under {@code root} as bytes; nothing is written. */
    public byte[] toBytes(Path root, Collection<Path> files) {
        List<String> nameProblems = new ArrayList<>();
        List<String> inputProblems = new ArrayList<>();
        FileSetTree tree = new FileSetTree();
        for (Path file : files.stream().sorted().toList()) {
            List<String> fileId;
            try {
                fileId = FileIds.of(root, file);
            } catch (DicomDirException e) {
                nameProblems.add(file + ": " + e.getMessage());
                continue;
            }
            DicomFile f;
            try (DicomReader r = DicomReader.open(file)) {
                f = r.readUntilPixelData();
            } catch (DicomException e) {
                inputProblems.add(file + ": not readable DICOM: " + e.getMessage());
                continue;
            }
            Attributes meta = f.fileMeta();
            index(tree, file.toString(), fileId, meta.getString(Tags.TransferSyntaxUID), meta, f.dataSet(),
                    inputProblems);
        }
        throwIfAny(nameProblems, inputProblems, files.size());
        return encode(tree);
    }

    /**
     * The DICOMDIR for instances described in memory (e.g. while streaming a package whose files are not on disk):
     * each entry's file ID, data set (up to the pixel data is enough; not modified) and transfer syntax.
     */
    public byte[] toBytes(List<DicomDirEntry> entries) {
        List<String> problems = new ArrayList<>();
        FileSetTree tree = new FileSetTree();
        List<DicomDirEntry> sorted = entries.stream()
                .sorted(java.util.Comparator.comparing(e -> String.join("\\", e.fileId()))).toList();
        for (DicomDirEntry e : sorted) {
            index(tree, String.join("\\", e.fileId()), e.fileId(), e.transferSyntaxUid(), null, e.dataSet().copy(),
                    problems);
        }
        throwIfAny(List.of(), problems, entries.size());
        return encode(tree);
    }

    /**
     * A DICOMDIR built one instance at a time, keeping only the directory records (a few keys each), not the
     * instances' data sets: for a package of tens of thousands of instances, the memory of their records instead of
     * their headers. Entries must come in file ID order; the bytes are then those of {@link #toBytes(List)}.
     */
    public Incremental incremental() {
        return new Incremental();
    }

    /** See {@link #incremental()}. Not thread-safe. */
    public final class Incremental {
        private final FileSetTree tree = new FileSetTree();
        private final List<String> problems = new ArrayList<>();
        private String lastFileId = "";
        private int count;

        private Incremental() {
        }

        /**
         * Indexes one instance now (its data set is not modified nor kept).
         *
         * @throws IllegalArgumentException if its file ID does not come after the previous one
         */
        public void add(DicomDirEntry e) {
            String name = String.join("\\", e.fileId());
            if (count > 0 && name.compareTo(lastFileId) <= 0) {
                throw new IllegalArgumentException("file IDs must come in order: " + name + " after " + lastFileId);
            }
            lastFileId = name;
            count++;
            index(tree, name, e.fileId(), e.transferSyntaxUid(), null, e.dataSet().copy(), problems);
        }

        /** The DICOMDIR of everything added. @throws DicomDirException as {@link #toBytes(List)} */
        public byte[] toBytes() {
            throwIfAny(List.of(), problems, count);
            return encode(tree);
        }
    }

    /** As {@link #toBytes(List)}, written to {@code out} (not closed). */
    public void write(List<DicomDirEntry> entries, OutputStream out) throws IOException {
        out.write(toBytes(entries));
    }

    private static void throwIfAny(List<String> nameProblems, List<String> inputProblems, int total) {
        if (nameProblems.isEmpty() && inputProblems.isEmpty()) {
            return;
        }
        List<String> all = new ArrayList<>(nameProblems);
        all.addAll(inputProblems);
        DicomErrorCode code = inputProblems.isEmpty() ? DicomErrorCode.DICOMDIR_FILE_NAME
                : DicomErrorCode.DICOMDIR_INPUT;
        throw new DicomDirException(code, all.size() + " of " + total + " files cannot be indexed; first: "
                + all.get(0), all, null);
    }

    /** Indexes one file; {@code meta} (nullable) supplies SOP class and instance when the data set lacks them. */
    private static void index(FileSetTree tree, String name, List<String> fileId, String ts, Attributes meta,
            Attributes dataSet, List<String> problems) {
        try {
            Attributes ds = knownVrs(dataSet);
            String sopClass = ds.getString(Tags.SOPClassUID);
            String sopInstance = ds.getString(Tags.SOPInstanceUID);
            if (meta != null) {
                sopClass = first(sopClass, meta.getString(Tags.MediaStorageSOPClassUID));
                sopInstance = first(sopInstance, meta.getString(Tags.MediaStorageSOPInstanceUID));
            }
            if (ts == null || sopClass == null || sopInstance == null) {
                problems.add(name + ": not a Part 10 file (no file meta with Transfer Syntax, SOP Class and "
                        + "Instance UIDs)");
                return;
            }
            String leafType = RecordTypes.forSopClass(sopClass);
            int before = problems.size();
            if (RecordTypes.isRootLevel(leafType)) {
                Attributes leaf = RecordBuilder.build(leafType, ds, name, problems);
                if (problems.size() == before) {
                    RecordBuilder.reference(leaf, fileId, sopClass, sopInstance, ts);
                    String conflict = tree.addAtRoot(leaf, sopInstance);
                    if (conflict != null) {
                        problems.add(name + ": " + conflict);
                    }
                }
                return;
            }
            Attributes patient = RecordBuilder.build(RecordTypes.PATIENT, ds, name, problems);
            Attributes study = RecordBuilder.build(RecordTypes.STUDY, ds, name, problems);
            Attributes series = RecordBuilder.build(RecordTypes.SERIES, ds, name, problems);
            Attributes leaf = RecordBuilder.build(leafType, ds, name, problems);
            if (problems.size() > before) {
                return;
            }
            RecordBuilder.reference(leaf, fileId, sopClass, sopInstance, ts);
            String conflict = tree.add(patient, study, series, leaf, sopInstance);
            if (conflict != null) {
                problems.add(name + ": " + conflict);
            }
        } catch (DicomException e) {
            problems.add(name + ": " + e.getMessage());
        }
    }

    /**
     * Standard elements that a file holds as UN (written by a tool that did not know them) get their dictionary
     * VR, so that keys read as text and records carry proper VRs; the value bytes are the same.
     */
    private static Attributes knownVrs(Attributes ds) {
        for (DicomElement e : List.copyOf(ds.elements())) {
            if (e instanceof ValueElement v && v.vr() == VR.UN) {
                VR known = ElementDictionary.standard().vrOf(v.tag());
                if (known != VR.UN && known != VR.SQ) {
                    ds.set(v.withVr(known));
                }
            }
        }
        return ds;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    /** Sets the offsets from the encoded sizes, then encodes. */
    private byte[] encode(FileSetTree tree) {
        List<FileSetTree.Node> preorder = tree.records();
        Attributes ds = new Attributes();
        ds.setString(Tags.FileSetID, VR.CS, fileSetId);
        ds.setInt(Tags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        ds.setInt(Tags.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL, 0);
        ds.setInt(0x00041212, VR.US, 0); // File-set Consistency Flag: no known inconsistencies
        SequenceElement seq = ds.newSequence(Tags.DirectoryRecordSequence);
        for (FileSetTree.Node n : preorder) {
            seq.addItem(n.record);
        }
        Attributes meta = new Attributes();
        meta.setString(Tags.MediaStorageSOPClassUID, VR.UI, UIDs.MediaStorageDirectoryStorage);
        meta.setString(Tags.MediaStorageSOPInstanceUID, VR.UI, FileSetTree.uid(preorder));
        DicomWriter writer = new DicomWriter(DicomWriter.SequenceLengths.EXPLICIT);
        long position = writer.headerSize(meta, ds, TS);
        for (DicomElement e : ds.elements()) {
            if (e.tag() == Tags.DirectoryRecordSequence) {
                break;
            }
            position += writer.encodedSize(e, TS);
        }
        position += 12; // explicit VR SQ header: tag, VR, reserved, length
        for (FileSetTree.Node n : preorder) {
            n.offset = position;
            position += 8 + writer.encodedSize(n.record, TS);
        }
        for (FileSetTree.Node n : preorder) {
            n.record.setInt(RecordBuilder.NEXT, VR.UL, n.next == null ? 0 : n.next.offset);
            n.record.setInt(RecordBuilder.LOWER, VR.UL, n.children.isEmpty() ? 0 : n.children.get(0).offset);
        }
        List<FileSetTree.Node> roots = tree.roots();
        if (!roots.isEmpty()) {
            ds.setInt(Tags.OffsetOfTheFirstDirectoryRecordOfTheRootDirectoryEntity, VR.UL, roots.get(0).offset);
            ds.setInt(Tags.OffsetOfTheLastDirectoryRecordOfTheRootDirectoryEntity, VR.UL,
                    roots.get(roots.size() - 1).offset);
        }
        if (position > 0xFFFFFFFFL) {
            throw new DicomDirException(DicomErrorCode.DICOMDIR_INPUT, "the DICOMDIR would exceed 4 GiB; split the "
                    + "file-set");
        }
        return writer.toBytes(meta, ds, TS);
    }
}
