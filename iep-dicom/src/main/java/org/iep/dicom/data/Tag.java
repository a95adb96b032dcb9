package org.iep.dicom.data;

import java.util.Locale;

/**
 * A data element tag: a 32-bit (group, element) pair. Tags are passed around as plain {@code int}
 * ({@code 0xGGGGEEEE}) for speed, as in {@link Tags}; this record is the value type for places
 * where an object is handy (collections, AT values, printing). Immutable and thread-safe.
 *
 * @param value the tag as {@code 0xGGGGEEEE}
 */
public record Tag(int value) implements Comparable<Tag> {

    /** Item (FFFE,E000). */
    public static final int ITEM = 0xFFFEE000;
    /** Item Delimitation Item (FFFE,E00D). */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** Sequence Delimitation Item (FFFE,E0DD). */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** The tag of a group and element number (each 0..0xFFFF). */
    public static Tag of(int group, int element) {
        return new Tag(toInt(group, element));
    }

    /** {@code 0xGGGGEEEE} from group and element. */
    public static int toInt(int group, int element) {
        if ((group & ~0xFFFF) != 0 || (element & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("group and element must be 16-bit: " + group + "," + element);
        }
        return (group << 16) | element;
    }

    /** Group number of a tag. */
    public static int group(int tag) {
        return tag >>> 16;
    }

    /** Element number of a tag. */
    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** True for tags in odd groups other than 0001, 0003, 0005, 0007 and FFFF (PS3.5 §7.8.1). */
    public static boolean isPrivate(int tag) {
        int g = group(tag);
        return (g & 1) == 1 && g > 0x0007 && g != 0xFFFF;
    }

    /** True for private creator elements (gggg,0010)-(gggg,00FF) of a private group. */
    public static boolean isPrivateCreator(int tag) {
        int e = element(tag);
        return isPrivate(tag) && e >= 0x0010 && e <= 0x00FF;
    }

    /** True for group length elements (gggg,0000). */
    public static boolean isGroupLength(int tag) {
        return element(tag) == 0;
    }

    /**
     * The private creator tag that reserves a private element's block, e.g. (0009,0010) for
     * (0009,1010); or -1 if the tag is not a private data element.
     */
    public static int creatorOf(int tag) {
        int e = element(tag);
        if (!isPrivate(tag) || e < 0x1000) {
            return -1;
        }
        return (tag & 0xFFFF0000) | (e >>> 8);
    }

    /** "(gggg,eeee)" in lower-case hex, the form dcmdump prints. */
    public static String format(int tag) {
        // by hand: the parser names every element it reads (for its error messages), and a Formatter per
        // element cost more than parsing the element
        char[] c = new char[11];
        c[0] = '(';
        c[5] = ',';
        c[10] = ')';
        for (int i = 0; i < 4; i++) {
            c[4 - i] = HEX[(tag >>> (16 + 4 * i)) & 0xF];
            c[9 - i] = HEX[(tag >>> (4 * i)) & 0xF];
        }
        return new String(c);
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /** "GGGGEEEE" in upper-case hex, the form DICOM JSON uses. */
    public static String toHex(int tag) {
        return String.format(Locale.ROOT, "%08X", tag);
    }

    /**
     * Parses "GGGGEEEE", "(gggg,eeee)" or "gggg,eeee" (hex, any case).
     *
     * @throws IllegalArgumentException if the text is not a tag
     */
    public static int parse(String text) {
        String t = text.strip();
        if (t.startsWith("(") && t.endsWith(")")) {
            t = t.substring(1, t.length() - 1);
        }
        t = t.replace(",", "");
        if (t.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        try {
            return (int) Long.parseLong(t, 16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a tag: " + text, e);
        }
    }

    public int group() {
        return group(value);
    }

    public int element() {
        return element(value);
    }

    @Override
    public int compareTo(Tag o) {
        return Integer.compareUnsigned(value, o.value);
    }

    @Override
    public String toString() {
        return format(value);
    }
}
