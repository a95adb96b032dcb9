package org.iep.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The PS3.6 registry of UIDs (Table A-1), loaded lazily from {@code uids.tsv}. Thread-safe.
 */
public final class UidDictionary {

    private final Map<String, UidEntry> byUid;
    private final Map<String, UidEntry> byKeyword;

    private UidDictionary(Map<String, UidEntry> byUid, Map<String, UidEntry> byKeyword) {
        this.byUid = byUid;
        this.byKeyword = byKeyword;
    }

    private static final class Holder {
        static final UidDictionary INSTANCE = load();
    }

    /** The standard registry (loaded on first call). */
    public static UidDictionary standard() {
        return Holder.INSTANCE;
    }

    /** Nullable: the entry for a UID. */
    public UidEntry lookup(String uid) {
        return byUid.get(uid);
    }

    /** Nullable: the entry for a keyword such as "CTImageStorage". */
    public UidEntry lookupKeyword(String keyword) {
        return byKeyword.get(keyword);
    }

    /** The name of a UID, or the UID itself if unknown. */
    public String nameOf(String uid) {
        UidEntry e = byUid.get(uid);
        return e == null ? uid : e.name();
    }

    /** All entries in table order. */
    public Collection<UidEntry> entries() {
        return byUid.values();
    }

    private static UidDictionary load() {
        Map<String, UidEntry> byUid = new LinkedHashMap<>();
        Map<String, UidEntry> byKeyword = new LinkedHashMap<>();
        try (InputStream in = UidDictionary.class.getResourceAsStream("uids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/iep/dicom/dict/uids.tsv");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("UID\tname\ttype\tkeyword")) {
                throw new IllegalStateException("unexpected header in uids.tsv: " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                UidEntry e = new UidEntry(f[0], f[1], f[2], f[3], "Y".equals(f[4]), f.length > 5 ? f[5] : "");
                byUid.put(e.uid(), e);
                if (!e.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(e.keyword(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read uids.tsv", e);
        }
        return new UidDictionary(Map.copyOf(byUid), Map.copyOf(byKeyword));
    }
}
