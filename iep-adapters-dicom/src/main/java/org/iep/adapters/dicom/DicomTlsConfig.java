package org.iep.adapters.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.iep.api.Problem;
import org.iep.api.Secret;

/**
 * DICOM TLS material (PKCS #12 files): our key and certificate, presented to the peer (and required by peers that
 * check client certificates), and the certificates we trust. iep-dicom applies the BCP 195 non-downgrading profile
 * (TLS 1.3 and 1.2, AEAD suites only). {@link #context()} checks everything when the adapter starts and lists every
 * problem at once; passwords are {@link Secret}s, so this record can be logged.
 *
 * @param keyStore   PKCS #12 file with our private key and certificate chain
 * @param trustStore PKCS #12 file with the certificates (or CAs) of the nodes we accept
 */
public record DicomTlsConfig(Path keyStore, Secret keyStorePassword, Path trustStore, Secret trustStorePassword) {
    public DicomTlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(keyStorePassword, "keyStorePassword");
        Objects.requireNonNull(trustStore, "trustStore");
        Objects.requireNonNull(trustStorePassword, "trustStorePassword");
    }

    /** The TLS context; throws {@link InvalidDicomInputException} naming every unusable part. */
    public SSLContext context() {
        List<Problem> problems = new ArrayList<>();
        KeyStore keys = load(keyStore, keyStorePassword, "iep.dicom.tls.keyStore", problems);
        KeyStore trusted = load(trustStore, trustStorePassword, "iep.dicom.tls.trustStore", problems);
        try {
            if (keys != null && Collections.list(keys.aliases()).stream().noneMatch(a -> isKey(keys, a))) {
                problems.add(new Problem("iep.dicom.tls.keyStore", "holds no private key with its certificate"));
            }
            if (trusted != null && trusted.size() == 0) {
                problems.add(new Problem("iep.dicom.tls.trustStore", "holds no certificate to trust"));
            }
        } catch (GeneralSecurityException e) {
            problems.add(new Problem("iep.dicom.tls", "cannot be read: " + e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_CONFIGURATION, problems);
        }
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, keyStorePassword.reveal().toCharArray());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_CONFIGURATION, List.of(new Problem(
                    "iep.dicom.tls.keyStore", "the key cannot be used with this password: " + e.getMessage())));
        }
    }

    private static boolean isKey(KeyStore ks, String alias) {
        try {
            return ks.isKeyEntry(alias) && ks.getCertificate(alias) != null;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static KeyStore load(Path file, Secret password, String field, List<Problem> problems) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(new Problem(field, "is not a readable file: " + file));
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password.reveal().toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            // a wrong password shows as an IOException whose cause is an UnrecoverableKeyException
            problems.add(new Problem(field, "cannot be opened as PKCS #12 with its password (" + file + ")"));
            return null;
        }
    }
}
