package org.iep.api.pseudonym;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A named de-identification profile of an institution (PS3.15 Annex E): the Basic Profile plus options, and
 * per-attribute actions that override the table. Validated by the core when the institution is saved.
 *
 * @param name           lower-case name, unique within the institution, e.g. {@code research}
 * @param options        option columns of PS3.15 Table E.1-1, e.g. {@code retain_long_modified_dates},
 *                       {@code clean_descriptors}
 * @param tagActions     tag as 8 hex digits ({@code 00081030}) to one action of Table E.1-1: {@code D} dummy,
 *                       {@code Z} empty, {@code X} remove, {@code K} keep, {@code C} clean, {@code U} new UID
 * @param acceptBurnedIn whether instances flagged Burned In Annotation are taken (their pixels may show identity,
 *                       which no tag action removes); false refuses them
 */
public record PseudonymisationProfile(String name, Set<String> options, Map<String, String> tagActions,
                                      boolean acceptBurnedIn) {
    public PseudonymisationProfile {
        Objects.requireNonNull(name, "name");
        options = Set.copyOf(new TreeSet<>(options));
        tagActions = Map.copyOf(new TreeMap<>(tagActions));
    }
}
