package org.iep.dicom.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * The DICOM TLS profile of PS3.15 B.9 (BCP 195 "non-downgrading"): TLS 1.3 and 1.2 only, AEAD suites with
 * forward secrecy only. Suites the JDK does not offer are left out; if none is left the handshake fails.
 */
final class Tls {
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final List<String> SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384");

    private Tls() {
    }

    static void configure(SSLSocket s) {
        s.setSSLParameters(params(s.getSupportedCipherSuites(), s.getSSLParameters()));
    }

    static void configure(SSLServerSocket s, boolean needClientAuth) {
        SSLParameters p = params(s.getSupportedCipherSuites(), s.getSSLParameters());
        p.setNeedClientAuth(needClientAuth);
        s.setSSLParameters(p);
    }

    private static SSLParameters params(String[] supported, SSLParameters p) {
        List<String> have = Arrays.asList(supported);
        List<String> use = new ArrayList<>();
        for (String s : SUITES) {
            if (have.contains(s)) {
                use.add(s);
            }
        }
        p.setProtocols(PROTOCOLS);
        p.setCipherSuites(use.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        return p;
    }
}
