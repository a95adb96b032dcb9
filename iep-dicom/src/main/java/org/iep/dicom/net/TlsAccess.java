package org.iep.dicom.net;

import javax.net.ssl.SSLServerSocket;

/** Lets the SCP in {@code dimse} apply the DICOM TLS profile of {@link Tls} to its server socket. */
public final class TlsAccess {
    private TlsAccess() {
    }

    public static void configure(SSLServerSocket s, boolean needClientAuth) {
        Tls.configure(s, needClientAuth);
    }
}
