package org.iep.adapters.s3;

import org.iep.api.InfrastructureException;

/** The object store failed; {@link #retryable()} says whether trying again later can help. */
public final class S3Exception extends InfrastructureException {
    private static final long serialVersionUID = 1L;

    S3Exception(S3ErrorCode code, String message, boolean retryable, Throwable cause) {
        super(code, message, retryable, cause);
    }
}
