package org.iep.adapters.dicom;

import java.nio.file.Path;
import org.iep.api.Secret;

/**
 * Self-signed key pairs for one test run, made with the JDK's keytool (PKCS #12, SAN 127.0.0.1, two days), each
 * trusting the other, plus the PEM exports dcmtk's {@code +tls} options take (made with openssl).
 */
final class TestCertificates {
    static final Secret PASSWORD = Secret.of("changeit");

    private final Path dir;

    TestCertificates(Path dir) {
        this.dir = dir;
    }

    /** {@code name}.p12 (key and certificate) and {@code name}.crt (its certificate). */
    void keyPair(String name) throws Exception {
        Peers.run(keytool(), "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048", "-dname",
                "CN=" + name, "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", p12(name).toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD.reveal(), "-keypass", PASSWORD.reveal());
        Peers.run(keytool(), "-exportcert", "-rfc", "-alias", name, "-keystore", p12(name).toString(), "-storepass",
                PASSWORD.reveal(), "-file", dir.resolve(name + ".crt").toString());
    }

    /** {@code store}.p12 trusting {@code peer}'s certificate. */
    void trust(String store, String peer) throws Exception {
        Peers.run(keytool(), "-importcert", "-noprompt", "-alias", peer, "-file", dir.resolve(peer + ".crt")
                .toString(), "-keystore", p12(store).toString(), "-storetype", "PKCS12", "-storepass",
                PASSWORD.reveal());
    }

    /** Our TLS material: {@code keys}.p12 presented, {@code trusted}.p12 trusted. */
    DicomTlsConfig config(String keys, String trusted) {
        return new DicomTlsConfig(p12(keys), PASSWORD, p12(trusted), PASSWORD);
    }

    /** {@code name}'s private key as unencrypted PEM, for dcmtk. */
    Path pemKey(String name) throws Exception {
        Path out = dir.resolve(name + ".key");
        Peers.run("openssl", "pkcs12", "-in", p12(name).toString(), "-passin", "pass:" + PASSWORD.reveal(),
                "-nocerts", "-nodes", "-out", out.toString());
        return out;
    }

    /** {@code name}'s certificate as PEM, for dcmtk. */
    Path pemCertificate(String name) {
        return dir.resolve(name + ".crt"); // keytool -rfc already wrote PEM
    }

    private Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }
}
