package org.iep.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipFile;
import net.lingala.zip4j.exception.ZipException;
import org.iep.api.InvalidInputException;
import org.iep.api.NotFoundException;
import org.iep.api.transaction.Transaction;
import org.iep.core.ingest.TestInstances;
import org.iep.core.upload.UploadFixtureAccess;
import org.iep.dicom.dicomdir.DicomDir;
import org.iep.dicom.dicomdir.DicomDirReader;
import org.iep.dicom.dicomdir.DirectoryRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagerTest {
    private final UploadFixtureAccess f = new UploadFixtureAccess();
    private final Packager packager = new Packager(f.index(), f.blobs(), f.directoryStore());

    @TempDir
    Path tmp;

    private Transaction withImages() {
        f.ingest(TestInstances.ct("1.2.3.1", 1));
        f.ingest(TestInstances.ct("1.2.3.2", 2));
        f.attachPdf();
        f.attachText("No acute abnormality <none>.\n");
        return f.transaction();
    }

    private byte[] pack(Transaction t, PackageScope scope, Optional<char[]> password, long skip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        packager.write(t, scope, password, skip, out);
        return out.toByteArray();
    }

    @Test
    void thePackageIsLaidOutPerPdiAndJavaReadsEveryEntry() throws IOException, InterruptedException {
        Transaction t = withImages();
        byte[] zip = pack(t, PackageScope.whole(), Optional.empty(), 0);
        Path file = Files.write(tmp.resolve("package.zip"), zip);

        try (ZipFile z = new ZipFile(file.toFile())) {
            List<String> names = Collections.list(z.entries()).stream().map(e -> e.getName()).toList();
            assertThat(names).containsExactly("README.TXT", "IHE_PDI/INDEX.HTM", "DICOM/ST000001/SE000001/IM000001",
                    "DICOM/ST000001/SE000001/IM000002", "DICOMDIR", "REPORTS/RPT00001.PDF", "REPORTS/RPT00002.TXT");
            for (String n : names) {
                assertThat(n.split("/")).allSatisfy(c -> assertThat(c).matches("[A-Z0-9_]{1,8}(\\.[A-Z0-9]{1,3})?"));
            }
            byte[] first = z.getInputStream(z.getEntry("DICOM/ST000001/SE000001/IM000001")).readAllBytes();
            assertThat(sha(first)).isEqualTo(f.index().byTransaction(t.id()).get(0).sha256());
            String readme = new String(z.getInputStream(z.getEntry("README.TXT")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(readme).contains(t.patient().familyName()).contains("DICOMDIR").contains("RPT00001.PDF");
            String index = new String(z.getInputStream(z.getEntry("IHE_PDI/INDEX.HTM")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertThat(index).contains("RPT00002.TXT").contains("No acute abnormality &lt;none&gt;.");
        }
        String test = run("unzip", "-t", file.toString());
        assertThat(test).contains("No errors detected");
        Path open = tmp.resolve("open");
        run("unzip", "-q", file.toString(), "-d", open.toString());

        DicomDir dir = DicomDirReader.read(open.resolve("DICOMDIR"));
        assertThat(dir.fileSetId()).isEqualTo(t.tracking().value());
        assertThat(dir.fileRecords()).extracting(DirectoryRecord::fileIdString).containsExactlyInAnyOrder(
                "DICOM\\ST000001\\SE000001\\IM000001", "DICOM\\ST000001\\SE000001\\IM000002");
        for (DirectoryRecord r : dir.fileRecords()) {
            assertThat(DicomDir.resolve(open, r)).exists();
        }
        assertThat(dir.fileRecords()).extracting(r -> r.getString(0x00041511))
                .containsExactlyInAnyOrder("1.2.3.1", "1.2.3.2");
        run("dcmdump", "-q", open.resolve("DICOMDIR").toString());
        String verify = run("dciodvfy", open.resolve("DICOMDIR").toString());
        assertThat(verify).doesNotContain("Error");
    }

    @Test
    void instancesWithoutTheDicomdirKeysStillGetAValidDicomdirAndAreStoredUnchanged() throws Exception {
        var ds = org.iep.dicom.io.DicomReader.read(TestInstances.ct("1.2.3.9", 9)).dataSet();
        for (int tag : new int[] {0x00080020, 0x00080030, 0x00200010, 0x00200011, 0x00200013, 0x00080021, 0x00080022,
            0x00080023, 0x00080031, 0x00080032, 0x00080033}) {
            ds.remove(tag);
        }
        byte[] bare = new org.iep.dicom.io.DicomWriter().toBytes(new org.iep.dicom.data.Attributes(), ds,
                org.iep.dicom.dict.TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        f.ingest(bare);
        Transaction t = f.transaction();
        Path file = Files.write(tmp.resolve("bare.zip"), pack(t, PackageScope.whole(), Optional.empty(), 0));
        Path open = tmp.resolve("bare");
        run("unzip", "-q", file.toString(), "-d", open.toString());

        DicomDir dir = DicomDirReader.read(open.resolve("DICOMDIR"));
        assertThat(dir.fileRecords()).singleElement().satisfies(r -> assertThat(r.getString(0x00200013))
                .isEqualTo("1"));
        assertThat(run("dciodvfy", open.resolve("DICOMDIR").toString())).doesNotContain("Error");
        byte[] packaged = Files.readAllBytes(open.resolve("DICOM/ST000001/SE000001/IM000001"));
        assertThat(sha(packaged)).isEqualTo(f.index().byTransaction(t.id()).get(0).sha256());
        assertThat(org.iep.dicom.io.DicomReader.read(packaged).dataSet().contains(0x00200010)).isFalse();
    }

    @Test
    void theSameContentGivesTheSameBytesSoADownloadResumesFromAnyOffset() {
        Transaction t = withImages();
        byte[] whole = pack(t, PackageScope.whole(), Optional.empty(), 0);
        ByteArrayOutputStream tail = new ByteArrayOutputStream();

        PackageResult r = packager.write(t, PackageScope.whole(), Optional.empty(), 1000, tail);

        assertThat(pack(t, PackageScope.whole(), Optional.empty(), 0)).isEqualTo(whole);
        assertThat(tail.toByteArray()).isEqualTo(java.util.Arrays.copyOfRange(whole, 1000, whole.length));
        assertThat(r.bytes()).isEqualTo(whole.length);
        assertThat(r.sha256()).as("streamed unhashed: nothing measured it yet").isEmpty();
        assertThat(r.instances()).isEqualTo(2);
        assertThat(r.reports()).isEqualTo(2);
        PackageResult measured = packager.measure(t, PackageScope.whole());
        assertThat(measured.sha256()).contains(sha(whole));
        assertThat(measured.fingerprint()).isEqualTo(r.fingerprint());
        ByteArrayOutputStream resumed = new ByteArrayOutputStream();
        assertThat(packager.write(t, PackageScope.whole(), Optional.empty(), 1000, resumed)).isEqualTo(measured);
        assertThat(resumed.toByteArray()).isEqualTo(tail.toByteArray());
    }

    @Test
    void aRepeatedPackageTakesItsHashAndDirectoryFromTheManifestAndNewContentGetsANewOne() {
        Transaction t = withImages();
        ByteArrayOutputStream first = new ByteArrayOutputStream();
        PackageResult streamed = packager.write(t, PackageScope.whole(), Optional.empty(), 0, first);
        assertThat(streamed.sha256()).as("the first download is not hashed on the way").isEmpty();
        assertThat(f.blobs().list(org.iep.api.spi.BlobKey.of("tx", t.id().value(), PackageManifest.AREA)))
                .as("a manifest needs the hash").isEmpty();

        PackageResult made = packager.measure(t, PackageScope.whole());
        assertThat(made.sha256()).contains(sha(first.toByteArray()));
        assertThat(made.bytes()).isEqualTo(first.size());
        assertThat(packager.measure(t, PackageScope.whole(), streamed.fingerprint())).contains(made);
        assertThat(f.blobs().list(org.iep.api.spi.BlobKey.of("tx", t.id().value(), PackageManifest.AREA)))
                .hasSize(1);
        ByteArrayOutputStream again = new ByteArrayOutputStream();
        PackageResult cached = packager.write(t, PackageScope.whole(), Optional.empty(), 0, again);
        assertThat(again.toByteArray()).isEqualTo(first.toByteArray());
        assertThat(cached).isEqualTo(made);

        f.ingest(TestInstances.ct("1.2.3.3", 3));
        Transaction more = f.transaction();
        assertThat(packager.measure(more, PackageScope.whole(), streamed.fingerprint()))
                .as("those bytes cannot be made again from the grown content").isEmpty();
        ByteArrayOutputStream third = new ByteArrayOutputStream();
        PackageResult grown = packager.write(more, PackageScope.whole(), Optional.empty(), 0, third);
        assertThat(grown.instances()).isEqualTo(3);
        assertThat(grown.fingerprint()).isNotEqualTo(made.fingerprint());
        assertThat(packager.measure(more, PackageScope.whole()).sha256()).contains(sha(third.toByteArray()))
                .isNotEqualTo(made.sha256());
        assertThat(f.blobs().list(org.iep.api.spi.BlobKey.of("tx", t.id().value(), PackageManifest.AREA)))
                .hasSize(2);
    }

    @Test
    void filesTooLargeToReadWholeAreReadTwiceAndGiveTheSameBytes() {
        Transaction t = withImages();
        byte[] readWhole = pack(t, PackageScope.whole(), Optional.empty(), 0);
        // the same content through the large-file path (CRC-32 read ahead, header from the copy's bytes)
        Packager large = new Packager(f.index(), f.blobs(), f.directoryStore(), 1024);
        ByteArrayOutputStream twice = new ByteArrayOutputStream();

        PackageResult r = large.write(t, PackageScope.whole(), Optional.empty(), 0, twice);

        assertThat(f.index().byTransaction(t.id())).allSatisfy(i -> assertThat(i.size()).isGreaterThan(1024));
        assertThat(twice.toByteArray()).isEqualTo(readWhole);
        assertThat(large.measure(t, PackageScope.whole()).sha256()).contains(sha(readWhole));
        assertThat(r.fingerprint()).isEqualTo(packager.measure(t, PackageScope.whole()).fingerprint());
    }

    @Test
    void theParallelHashIsTheHashOfTheBytesAcrossManyChunks() throws IOException {
        byte[] data = new byte[5 * (1 << 20) + 12345];
        new java.util.Random(7).nextBytes(data);
        ParallelSha256 h = new ParallelSha256();
        int at = 0;
        for (int step : new int[] {1, 7, 1 << 20, 3 << 20, 100}) {
            h.write(data, at, step);
            at += step;
        }
        h.write(data, at, data.length - at);
        assertThat(h.hex()).isEqualTo(sha(data));
    }

    @Test
    void anAesPackageOpensWithThePasswordOnly() throws IOException {
        Transaction t = withImages();
        Path file = Files.write(tmp.resolve("secret.zip"), pack(t, PackageScope.whole(),
                Optional.of("correct horse".toCharArray()), 0));

        try (net.lingala.zip4j.ZipFile z = new net.lingala.zip4j.ZipFile(file.toFile(),
                "correct horse".toCharArray())) {
            assertThat(z.isEncrypted()).isTrue();
            z.extractAll(tmp.resolve("open").toString());
        }
        assertThat(tmp.resolve("open/DICOM/ST000001/SE000001/IM000002")).exists();
        try (net.lingala.zip4j.ZipFile z = new net.lingala.zip4j.ZipFile(file.toFile(), "wrong".toCharArray())) {
            assertThatThrownBy(() -> z.extractAll(tmp.resolve("wrong").toString())).isInstanceOf(ZipException.class)
                    .hasMessageContaining("Wrong Password");
        }
        assertThatThrownBy(() -> pack(t, PackageScope.whole(), Optional.of("x".toCharArray()), 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("cannot be resumed");
    }

    @Test
    void aSeriesOrStudyScopeHoldsOnlyItsImages() {
        Transaction t = withImages();
        String study = f.index().byTransaction(t.id()).get(0).studyInstanceUid();
        String series = f.index().byTransaction(t.id()).get(0).seriesInstanceUid();

        assertThat(packager.write(t, PackageScope.series(study, series), Optional.empty(), 0,
                new ByteArrayOutputStream()).instances()).isEqualTo(2);
        assertThatThrownBy(() -> packager.write(t, PackageScope.study("9.9.9"), Optional.empty(), 0,
                new ByteArrayOutputStream())).isInstanceOf(NotFoundException.class);
    }

    /** Runs a tool that must exit 0; returns what it printed. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    private static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static InputStream in(byte[] b) {
        return new ByteArrayInputStream(b);
    }
}
