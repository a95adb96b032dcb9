package org.iep.core.packaging;

/**
 * What was streamed: the whole package's SHA-256 and length (also when only a tail was sent on a resumed download,
 * so the audit names the package, not the fragment), and its content counts.
 */
public record PackageResult(String sha256, long bytes, int instances, int reports) {
}
