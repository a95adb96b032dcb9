package org.iep.core.upload;

/** The verdict on a file's first and last bytes: a kind, or a refusal with a reason a person can act on. */
sealed interface Sniffed permits Sniffed.Kind, Sniffed.Refused {

    record Kind(ContentKind kind) implements Sniffed {
    }

    record Refused(String reason) implements Sniffed {
    }
}
