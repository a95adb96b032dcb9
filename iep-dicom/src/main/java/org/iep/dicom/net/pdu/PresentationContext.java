package org.iep.dicom.net.pdu;

import java.util.List;
import java.util.Objects;

/**
 * A presentation context item: in an A-ASSOCIATE-RQ the abstract syntax with the proposed transfer syntaxes
 * ({@code result} 0); in an A-ASSOCIATE-AC the result and, when accepted, the single chosen transfer syntax
 * ({@code abstractSyntax} empty, as the AC does not carry it).
 */
public record PresentationContext(int id, String abstractSyntax, List<String> transferSyntaxes, int result) {
    public static final int ACCEPTANCE = 0, USER_REJECTION = 1, NO_REASON = 2, ABSTRACT_SYNTAX_NOT_SUPPORTED = 3,
            TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContext {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("presentation context ID out of range: " + id);
        }
        Objects.requireNonNull(abstractSyntax);
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }

    /** A proposed context. */
    public static PresentationContext proposed(int id, String abstractSyntax, List<String> transferSyntaxes) {
        return new PresentationContext(id, abstractSyntax, transferSyntaxes, ACCEPTANCE);
    }

    /** An answered context (A-ASSOCIATE-AC). */
    public static PresentationContext answered(int id, int result, String transferSyntax) {
        return new PresentationContext(id, "", transferSyntax == null ? List.of() : List.of(transferSyntax), result);
    }

    public boolean accepted() {
        return result == ACCEPTANCE;
    }

    /** The accepted transfer syntax of an answered context, or null. */
    public String transferSyntax() {
        return transferSyntaxes.isEmpty() ? null : transferSyntaxes.get(0);
    }

    /** Readable result name. */
    public static String resultName(int result) {
        return switch (result) {
            case ACCEPTANCE -> "accepted";
            case USER_REJECTION -> "user rejection";
            case NO_REASON -> "provider rejection";
            case ABSTRACT_SYNTAX_NOT_SUPPORTED -> "abstract syntax not supported";
            case TRANSFER_SYNTAXES_NOT_SUPPORTED -> "transfer syntaxes not supported";
            default -> "result " + result;
        };
    }
}
