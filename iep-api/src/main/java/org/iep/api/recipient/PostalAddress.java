package org.iep.api.recipient;

import java.util.List;
import java.util.Objects;

/** A postal address: free lines, postcode and ISO 3166 country code. */
public record PostalAddress(List<String> lines, String postcode, String country) {
    public static final PostalAddress NONE = new PostalAddress(List.of(), "", "");

    public PostalAddress {
        lines = List.copyOf(lines);
        Objects.requireNonNull(postcode, "postcode");
        Objects.requireNonNull(country, "country");
    }

    public boolean isEmpty() {
        return lines.stream().allMatch(String::isBlank) && postcode.isBlank();
    }
}
