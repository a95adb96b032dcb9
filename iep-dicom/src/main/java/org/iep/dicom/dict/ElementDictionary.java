package org.iep.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.iep.dicom.data.Tag;
import org.iep.dicom.data.VR;

/**
 * The PS3.6 data dictionary (plus PS3.7 command elements), loaded lazily from the
 * {@code dictionary.tsv} resource on first use. Also answers for elements the table does not list:
 * group lengths (gggg,0000) are UL and private creators (gggg,0010-00FF) are LO.
 * Thread-safe (immutable after the lazy load).
 */
public final class ElementDictionary {

    private static final String RESOURCE = "dictionary.tsv";

    private final Map<Integer, DictionaryEntry> exact;
    private final Map<String, DictionaryEntry> byKeyword;
    /** Repeating entries as (mask, value, entry): tag & mask == value. */
    private final List<Object[]> repeating;

    private ElementDictionary(Map<Integer, DictionaryEntry> exact, Map<String, DictionaryEntry> byKeyword,
            List<Object[]> repeating) {
        this.exact = exact;
        this.byKeyword = byKeyword;
        this.repeating = repeating;
    }

    private static final class Holder {
        static final ElementDictionary INSTANCE = load();
    }

    /** The standard dictionary (loaded on first call). */
    public static ElementDictionary standard() {
        return Holder.INSTANCE;
    }

    /** Nullable: the entry for a tag (exact match first, then repeating groups), null if unknown. */
    public DictionaryEntry lookup(int tag) {
        DictionaryEntry e = exact.get(tag);
        if (e != null) {
            return e;
        }
        if (Tag.isPrivate(tag)) {
            return null;
        }
        for (Object[] r : repeating) {
            if ((tag & (int) r[0]) == (int) r[1]) {
                return (DictionaryEntry) r[2];
            }
        }
        return null;
    }

    /** Nullable: the entry for a keyword such as "PatientName". */
    public DictionaryEntry lookup(String keyword) {
        return byKeyword.get(keyword);
    }

    /**
     * The VR to use for a tag read in implicit VR: the dictionary's first VR; UL for group
     * lengths; LO for private creators; UN for unknown and private elements.
     */
    public VR vrOf(int tag) {
        if (Tag.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tag.isPrivateCreator(tag)) {
            return VR.LO;
        }
        DictionaryEntry e = lookup(tag);
        return e == null ? VR.UN : e.vr();
    }

    /** The keyword, or "" for unknown and private elements. */
    public String keywordOf(int tag) {
        if (Tag.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        DictionaryEntry e = lookup(tag);
        if (e == null && Tag.isGroupLength(tag)) {
            return "GroupLength";
        }
        return e == null ? "" : e.keyword();
    }

    /** Number of table rows loaded. */
    public int size() {
        return exact.size() + repeating.size();
    }

    private static ElementDictionary load() {
        Map<Integer, DictionaryEntry> exact = new HashMap<>(8192);
        Map<String, DictionaryEntry> byKeyword = new HashMap<>(8192);
        List<Object[]> repeating = new ArrayList<>();
        try (InputStream in = ElementDictionary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource org/iep/dicom/dict/" + RESOURCE);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String header = r.readLine();
            if (header == null || !header.startsWith("tag\tkeyword\tVR\tVM")) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String[] f = line.split("\t", -1);
                DictionaryEntry e = new DictionaryEntry(f[0], f[1], parseVrs(f[2]), f[3], f[4], "Y".equals(f[5]));
                if (!e.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(e.keyword(), e);
                }
                if (e.isRepeating()) {
                    int mask = (int) Long.parseLong(f[0].replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
                    int value = (int) Long.parseLong(f[0].replace('x', '0'), 16);
                    repeating.add(new Object[] {mask, value, e});
                } else {
                    exact.put((int) Long.parseLong(f[0], 16), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new ElementDictionary(Map.copyOf(exact), Map.copyOf(byKeyword), List.copyOf(repeating));
    }

    private static List<VR> parseVrs(String s) {
        if (s.isBlank()) {
            return List.of();
        }
        List<VR> out = new ArrayList<>();
        for (String p : s.split(" or ")) {
            out.add(VR.valueOf(p.strip()));
        }
        return List.copyOf(out);
    }
}
