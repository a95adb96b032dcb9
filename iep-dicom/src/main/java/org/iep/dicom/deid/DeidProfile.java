package org.iep.dicom.deid;

import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A named choice of options plus per-tag overrides (e.g. a research profile that also removes (0008,1030)), and the
 * private attributes considered safe to keep under {@link DeidOption#RETAIN_SAFE_PRIVATE} (creator and element
 * byte, e.g. {@code "SIEMENS CT VA0  COAD" -> 0x11}).
 */
public record DeidProfile(String name, Set<DeidOption> options, Map<Integer, DeidAction> overrides,
                          Set<SafePrivate> safePrivate) {

    /** A private data element known to carry no identifying information. */
    public record SafePrivate(String creator, int element) {
    }

    public DeidProfile {
        Objects.requireNonNull(name, "name");
        options = options.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(options));
        overrides = Map.copyOf(overrides);
        safePrivate = Set.copyOf(safePrivate);
        if (options.contains(DeidOption.RETAIN_LONG_FULL_DATES)
                && options.contains(DeidOption.RETAIN_LONG_MODIFIED_DATES)) {
            throw new IllegalArgumentException("full and modified dates exclude each other");
        }
    }

    /** The Basic Profile alone. */
    public static DeidProfile basic() {
        return new DeidProfile("basic", Set.of(), Map.of(), Set.of());
    }

    public static DeidProfile of(String name, DeidOption... options) {
        return new DeidProfile(name, options.length == 0 ? Set.of() : EnumSet.of(options[0], options),
                Map.of(), Set.of());
    }

    public DeidProfile withOverride(int tag, DeidAction action) {
        Map<Integer, DeidAction> m = new java.util.HashMap<>(overrides);
        m.put(tag, action);
        return new DeidProfile(name, options, m, safePrivate);
    }

    public DeidProfile withSafePrivate(String creator, int element) {
        Set<SafePrivate> s = new java.util.HashSet<>(safePrivate);
        s.add(new SafePrivate(creator, element & 0xFF));
        return new DeidProfile(name, options, overrides, s);
    }
}
