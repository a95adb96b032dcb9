package org.iep.dicom.dicomdir;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;

/**
 * The PATIENT / STUDY / SERIES / leaf hierarchy of a file-set being indexed, keyed by Patient ID, Study Instance
 * UID and Series Instance UID. Not thread-safe.
 */
final class FileSetTree {

    /** One record with its lower level; offsets are filled in when encoding. */
    static final class Node {
        final Attributes record;
        final String key;
        final List<Node> children = new ArrayList<>();
        final Map<String, Node> byKey = new LinkedHashMap<>();
        Node next;
        long offset;

        Node(Attributes record, String key) {
            this.record = record;
            this.key = key;
        }
    }

    private final Node root = new Node(new Attributes(), "");
    private final Map<String, String> studyPatient = new HashMap<>();
    private final Map<String, String> seriesStudy = new HashMap<>();
    private final Map<String, String> instances = new HashMap<>();

    /** Adds one file's records; returns why it conflicts with files added before, or null. */
    String add(Attributes patient, Attributes study, Attributes series, Attributes leaf, String sopInstance) {
        String patientId = patient.getString(Tags.PatientID);
        String studyUid = study.getString(Tags.StudyInstanceUID);
        String seriesUid = series.getString(Tags.SeriesInstanceUID);
        String fileId = String.join("\\", leaf.getStrings(Tags.ReferencedFileID));
        String seen = instances.putIfAbsent(sopInstance, fileId);
        if (seen != null) {
            return "SOP Instance UID " + sopInstance + " is also in " + seen;
        }
        String p = studyPatient.putIfAbsent(studyUid, patientId);
        if (p != null && !p.equals(patientId)) {
            instances.remove(sopInstance);
            return "study " + studyUid + " belongs to patient " + p + " in other files, here to " + patientId;
        }
        String st = seriesStudy.putIfAbsent(seriesUid, studyUid);
        if (st != null && !st.equals(studyUid)) {
            instances.remove(sopInstance);
            return "series " + seriesUid + " belongs to study " + st + " in other files, here to " + studyUid;
        }
        Node pn = child(root, patientId, patient);
        Node sn = child(pn, studyUid, study);
        Node se = child(sn, seriesUid, series);
        se.children.add(new Node(leaf, sopInstance));
        return null;
    }

    /** Adds a record that sits at the root (palette, hanging protocol, implant); returns a conflict or null. */
    String addAtRoot(Attributes leaf, String sopInstance) {
        String fileId = String.join("\\", leaf.getStrings(Tags.ReferencedFileID));
        String seen = instances.putIfAbsent(sopInstance, fileId);
        if (seen != null) {
            return "SOP Instance UID " + sopInstance + " is also in " + seen;
        }
        root.children.add(new Node(leaf, sopInstance));
        return null;
    }

    private static Node child(Node parent, String key, Attributes record) {
        return parent.byKey.computeIfAbsent(key, k -> {
            Node n = new Node(record, k);
            parent.children.add(n);
            return n;
        });
    }

    /** All records depth first, children ordered and chained. */
    List<Node> records() {
        List<Node> out = new ArrayList<>();
        walk(root, 0, out);
        return out;
    }

    private static void walk(Node parent, int level, List<Node> out) {
        if (level == 2) {
            parent.children.sort(Comparator.comparingLong(n -> number(n.record, Tags.SeriesNumber)));
        } else if (level == 3) {
            parent.children.sort(Comparator.comparingLong(n -> number(n.record, Tags.InstanceNumber)));
        }
        Node previous = null;
        for (Node n : parent.children) {
            if (previous != null) {
                previous.next = n;
            }
            previous = n;
            out.add(n);
            walk(n, level + 1, out);
        }
    }

    /** IS value for ordering; records without one sort last, in the order they came. */
    private static long number(Attributes record, int tag) {
        try {
            long[] v = record.getLongs(tag);
            return v.length == 0 ? Long.MAX_VALUE : v[0];
        } catch (org.iep.dicom.DicomException e) {
            return Long.MAX_VALUE; // a malformed IS only moves the record to the end
        }
    }

    /** The records of the root directory entity (patients, then root-level records as they came). */
    List<Node> roots() {
        return root.children;
    }

    /** A 2.25 UID for the DICOMDIR instance, a hash of what it indexes: the same file-set gives the same UID. */
    static String uid(List<Node> preorder) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Node n : preorder) {
                md.update(n.key.getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            byte[] h = md.digest();
            h[6] = (byte) ((h[6] & 0x0F) | 0x50); // name-based UUID (version 5 layout, SHA-256 instead of SHA-1)
            h[8] = (byte) ((h[8] & 0x3F) | 0x80);
            return "2.25." + new BigInteger(1, java.util.Arrays.copyOf(h, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }
}
