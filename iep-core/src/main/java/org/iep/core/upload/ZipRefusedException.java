package org.iep.core.upload;

/** An archive, or one of its entries, is refused; the message is the reason shown to the person uploading. */
final class ZipRefusedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ZipRefusedException(String reason) {
        super(reason, null, false, false);
    }
}
