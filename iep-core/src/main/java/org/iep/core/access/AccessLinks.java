package org.iep.core.access;

import java.net.URI;
import java.util.Objects;

/**
 * Builds the link e-mailed to individuals: {@code <base URL>/a/<token>}. The base URL is the portal's public
 * address, e.g. {@code https://iep.example.org}; it must be absolute http(s) without query or fragment.
 */
public record AccessLinks(String baseUrl) {
    public AccessLinks {
        Objects.requireNonNull(baseUrl, "baseUrl");
        URI uri;
        try {
            uri = URI.create(baseUrl);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the access link base URL is not a URL: " + baseUrl, e);
        }
        if (!uri.isAbsolute() || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))
                || uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException(
                    "the access link base URL must be an absolute http(s) URL without query or fragment: " + baseUrl);
        }
        baseUrl = baseUrl.replaceAll("/+$", "");
    }

    public String link(String token) {
        return baseUrl + "/a/" + token;
    }
}
