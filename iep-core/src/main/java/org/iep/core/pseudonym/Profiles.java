package org.iep.core.pseudonym;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.iep.api.Problem;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.dicom.deid.DeidAction;
import org.iep.dicom.deid.DeidOption;
import org.iep.dicom.deid.DeidProfile;

/** Checks an institution's profiles and turns one into the engine's {@link DeidProfile}. Stateless. */
public final class Profiles {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    private static final Pattern TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    private static final Set<String> ACTIONS = Set.of("D", "Z", "X", "K", "C", "U");

    private Profiles() {
    }

    /** Every problem of {@code profiles}, each under {@code field}{@code [i]}; empty when they are usable. */
    public static List<Problem> problems(List<PseudonymisationProfile> profiles, String field) {
        List<Problem> problems = new java.util.ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < profiles.size(); i++) {
            PseudonymisationProfile p = profiles.get(i);
            String f = field + "[" + i + "]";
            if (!NAME.matcher(p.name()).matches()) {
                problems.add(new Problem(f + ".name", "must be 1-64 lower-case letters, digits or '-', starting with"
                        + " a letter"));
            } else if (!names.add(p.name())) {
                problems.add(new Problem(f + ".name", "is used by another profile of the institution"));
            }
            for (String o : p.options()) {
                if (option(o) == null) {
                    problems.add(new Problem(f + ".options", "'" + o + "' is not an option of PS3.15 Table E.1-1"));
                }
            }
            if (p.options().contains(DeidOption.RETAIN_LONG_FULL_DATES.column())
                    && p.options().contains(DeidOption.RETAIN_LONG_MODIFIED_DATES.column())) {
                problems.add(new Problem(f + ".options", "full and modified dates exclude each other"));
            }
            p.tagActions().forEach((tag, action) -> {
                if (!TAG.matcher(tag).matches()) {
                    problems.add(new Problem(f + ".tagActions", "'" + tag + "' is not a tag of 8 hex digits"));
                }
                if (!ACTIONS.contains(action)) {
                    problems.add(new Problem(f + ".tagActions", "'" + action + "' for " + tag
                            + " is not one of D, Z, X, K, C, U"));
                }
            });
        }
        return problems;
    }

    /** The engine's profile for a checked {@code p}. */
    static DeidProfile deidProfile(PseudonymisationProfile p) {
        Set<DeidOption> options = EnumSet.noneOf(DeidOption.class);
        p.options().forEach(o -> options.add(option(o)));
        Map<Integer, DeidAction> overrides = new HashMap<>();
        p.tagActions().forEach((tag, action) -> overrides.put(HexFormat.fromHexDigits(tag),
                DeidAction.valueOf(action)));
        return new DeidProfile(p.name(), options, overrides, Set.of());
    }

    private static DeidOption option(String column) {
        for (DeidOption o : DeidOption.values()) {
            if (o.column().equals(column)) {
                return o;
            }
        }
        return null;
    }
}
