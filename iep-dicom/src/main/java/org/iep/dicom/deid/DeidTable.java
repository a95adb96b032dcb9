package org.iep.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * PS3.15 Table E.1-1 as read from the module's resource: for each attribute (or tag pattern such as
 * {@code 60xx3000}), the Basic Profile's action and each option's action where the option has one.
 */
final class DeidTable {
    /** One row: the basic code and each option's code. */
    record Row(int tag, int mask, String name, String basic, Map<DeidOption, String> options) {
        boolean matches(int t) {
            return (t & mask) == tag;
        }
    }

    private static final DeidTable STANDARD = load();
    private final Map<Integer, Row> exact;
    private final List<Row> patterns;
    private final Row privateRow;

    private DeidTable(Map<Integer, Row> exact, List<Row> patterns, Row privateRow) {
        this.exact = exact;
        this.patterns = patterns;
        this.privateRow = privateRow;
    }

    static DeidTable standard() {
        return STANDARD;
    }

    /** Every row with a tag, for tests that check each action is applied. */
    List<Row> rows() {
        List<Row> all = new ArrayList<>(exact.values());
        all.addAll(patterns);
        return all;
    }

    Optional<Row> row(int tag) {
        Row r = exact.get(tag);
        if (r != null) {
            return Optional.of(r);
        }
        for (Row p : patterns) {
            if (p.matches(tag)) {
                return Optional.of(p);
            }
        }
        return (tag >>> 16 & 1) == 1 ? Optional.of(privateRow) : Optional.empty();
    }

    /**
     * The action for a row under the chosen options: an option that has a code for the row replaces the basic
     * action; when several do, keeping wins over cleaning, and cleaning over the others.
     */
    static DeidAction action(Row row, Set<DeidOption> chosen) {
        String code = row.basic();
        int rank = Integer.MAX_VALUE;
        for (DeidOption o : chosen) {
            String c = row.options().get(o);
            if (c != null && !c.isEmpty()) {
                int r = c.equals("K") ? 0 : c.equals("C") ? 1 : 2;
                if (r < rank) {
                    rank = r;
                    code = c;
                }
            }
        }
        return DeidAction.of(code);
    }

    private static DeidTable load() {
        Map<Integer, Row> exact = new HashMap<>();
        List<Row> patterns = new ArrayList<>();
        Row privateRow = null;
        try (InputStream in = DeidTable.class.getResourceAsStream("deidentification.tsv")) {
            if (in == null) {
                throw new IllegalStateException("deidentification.tsv missing from the iep-dicom jar");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = r.readLine().split("\t", -1);
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                while (f.length < header.length) {
                    // a name with a line break in it ("Icon Image Sequence" / "(see Note 11)") continues below
                    String next = r.readLine();
                    if (next == null) {
                        break;
                    }
                    if (!next.isBlank()) {
                        line = line + " " + next;
                        f = line.split("\t", -1);
                    }
                }
                Map<DeidOption, String> options = new EnumMap<>(DeidOption.class);
                for (DeidOption o : DeidOption.values()) {
                    int column = index(header, o.column());
                    options.put(o, column < f.length ? f[column].strip() : "");
                }
                String basic = f[index(header, "basic_profile")].strip();
                if (f[0].startsWith("(gggg,eeee)")) {
                    privateRow = new Row(0, 0, f[1], basic, options);
                    continue;
                }
                String hex = f[0].strip().toLowerCase(java.util.Locale.ROOT);
                int tag = Integer.parseUnsignedInt(hex.replace('x', '0'), 16);
                StringBuilder mask = new StringBuilder();
                for (char c : hex.toCharArray()) {
                    mask.append(c == 'x' ? '0' : 'f');
                }
                Row row = new Row(tag, Integer.parseUnsignedInt(mask.toString(), 16), f[1], basic, options);
                if (hex.indexOf('x') >= 0) {
                    patterns.add(row);
                } else {
                    exact.put(tag, row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (privateRow == null) {
            throw new IllegalStateException("deidentification.tsv has no row for private attributes");
        }
        return new DeidTable(Map.copyOf(exact), List.copyOf(patterns), privateRow);
    }

    private static int index(String[] header, String column) {
        for (int i = 0; i < header.length; i++) {
            if (header[i].equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException("deidentification.tsv has no column " + column);
    }
}
