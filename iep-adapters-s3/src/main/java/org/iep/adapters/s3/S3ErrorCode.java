package org.iep.adapters.s3;

import org.iep.api.ErrorCode;

/** Error codes of the S3 adapter (3000–3999). Numbers are stable; add new ones at the end. */
public enum S3ErrorCode implements ErrorCode {
    UNAVAILABLE(3001, "The object store could not be reached or failed temporarily; nothing was committed"),
    ACCESS_DENIED(3002, "The object store refused IEP's credentials; check iep.s3.accessKey and iep.s3.secretKey"),
    BUCKET_MISSING(3003, "The configured bucket does not exist; create it or correct iep.s3.bucket"),
    INTEGRITY(3004, "The stored object does not match what was sent; nothing was committed"),
    INVALID_CONFIGURATION(3005, "The S3 configuration is invalid; every problem is listed"),
    INPUT_FAILED(3006, "Reading the content to store failed; nothing was stored");

    private final int number;
    private final String summary;

    S3ErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
