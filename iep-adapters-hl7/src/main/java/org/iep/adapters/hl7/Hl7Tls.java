package org.iep.adapters.hl7;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.iep.api.Secret;

/** Builds the listener's TLS context from a PKCS#12 key store holding IEP's key and certificate chain. */
public final class Hl7Tls {
    private Hl7Tls() {
    }

    /** TLS 1.2+ (the JDK's defaults otherwise); the password is used, never printed. */
    public static SSLContext serverContext(Path pkcs12, Secret password) {
        try (InputStream in = Files.newInputStream(pkcs12)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.reveal().toCharArray());
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, password.reveal().toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (IOException | GeneralSecurityException e) {
            throw new Hl7ListenerException("The HL7 TLS key store " + pkcs12.getFileName()
                    + " could not be loaded. Check the file and iep.hl7.tlsKeyStorePassword.", e);
        }
    }
}
