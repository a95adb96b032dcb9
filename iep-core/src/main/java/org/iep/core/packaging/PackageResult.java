package org.iep.core.packaging;

import java.util.Objects;
import java.util.Optional;

/**
 * What was streamed: the whole package's length (also when only a tail was sent on a resumed download, so the audit
 * names the package, not the fragment), its content counts, its {@code fingerprint} (a SHA-256 of everything its
 * bytes depend on: the layout version, README and index pages, and each instance's and report's own SHA-256, so it
 * binds the package's bytes) and its SHA-256 when known. The SHA-256 is known for a prepared package (from its
 * manifest), a measured one and a password-protected one; the first plain download of a content leaves it to a
 * job ({@link PackagePreparation#hashLater}) so the download streams at the speed of reading the files.
 */
public record PackageResult(String fingerprint, Optional<String> sha256, long bytes, int instances, int reports) {
    public PackageResult {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(sha256, "sha256");
    }

    /** The SHA-256, for callers that asked for a measured package ({@link Packager#measure}). */
    public String requireSha256() {
        return sha256.orElseThrow(() -> new IllegalStateException("package " + fingerprint + " was not hashed"));
    }
}
