package org.iep.core.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.iep.core.ingest.TestInstances;
import org.junit.jupiter.api.Test;

/**
 * Archives built to escape the staging area, hide content or exhaust memory. Every one is refused with a reason
 * before anything is stored; nothing is ever written under an entry's name, so "outside staging" cannot happen by
 * construction, and the test checks that no blob but the staged upload exists afterwards.
 */
class ZipAttackCorpusTest {
    private static final byte[] CT = TestInstances.ct("1.2.3.1", 1);

    static Map<String, byte[]> corpus() {
        Map<String, byte[]> c = new LinkedHashMap<>();
        c.put("relative.zip", new Zips().add("../../evil.dcm", CT).bytes());
        c.put("absolute.zip", new Zips().add("/etc/cron.d/evil", CT).bytes());
        c.put("drive.zip", new Zips().add("C:/Windows/evil.dcm", CT).bytes());
        c.put("backslash.zip", new Zips().add("..\\..\\evil.dcm", CT).bytes());
        c.put("encoded.zip", new Zips().add("%2e%2e%2fevil.dcm", CT).bytes());
        c.put("dot-segment.zip", new Zips().add("DICOM/./../evil.dcm", CT).bytes());
        c.put("symlink.zip", new Zips().symlink("DICOM/IM0001", "/etc/passwd").bytes());
        c.put("nul.zip", Zips.patch(new Zips().add("evil#dcm", CT).bytes(), "evil#dcm",
                "evil\0dcm".getBytes(StandardCharsets.ISO_8859_1)));
        c.put("duplicate.zip", Zips.patch(new Zips().add("IM0001", CT).add("IM0002", TestInstances.ct("1.2.3.2",
                2)).bytes(), "IM0002", "im0001".getBytes(StandardCharsets.ISO_8859_1)));
        c.put("nested-42.zip", nested(3));
        c.put("ratio-bomb.zip", new Zips().add("zeros.dcm", new byte[40 << 20]).bytes());
        c.put("forged-size.zip", forgedSize(new Zips().add("IM0001", new byte[1 << 20]).bytes(), 1000));
        c.put("overlapping.zip", overlapping());
        c.put("truncated.zip", Arrays.copyOf(new Zips().add("IM0001", CT).bytes(), 200));
        c.put("lying-count.zip", lyingCount(new Zips().add("IM0001", CT).bytes()));
        return c;
    }

    @Test
    void everyAttackIsRefusedWithAReasonAndNothingIsStored() {
        UploadFixture f = new UploadFixture();
        for (Map.Entry<String, byte[]> e : corpus().entrySet()) {
            String s = f.open();
            f.send(s, e.getKey(), e.getValue());
            assertThatThrownBy(() -> f.confirm(s)).as(e.getKey())
                    .isInstanceOfSatisfying(UploadRefusedException.class, ex ->
                            assertThat(ex.problems()).as(e.getKey()).isNotEmpty().allSatisfy(p -> {
                                assertThat(p.field()).startsWith(e.getKey());
                                assertThat(p.message()).isNotBlank();
                            }));
        }
        assertThat(f.storedBlobs()).isEmpty();
        assertThat(f.index.byTransaction(f.tx.id())).isEmpty();
    }

    @Test
    void theReasonsNameTheAttack() {
        assertThat(reason("symlink.zip")).contains("symbolic links");
        assertThat(reason("relative.zip")).contains("'..'");
        assertThat(reason("nul.zip")).contains("control characters");
        assertThat(reason("duplicate.zip")).contains("appears twice");
        assertThat(reason("nested-42.zip")).contains("archive inside an archive");
        assertThat(reason("ratio-bomb.zip")).contains("zip bomb");
        assertThat(reason("forged-size.zip")).contains("forged size");
        assertThat(reason("overlapping.zip")).contains("share bytes");
        assertThat(reason("lying-count.zip")).contains("65535 entries");
    }

    @Test
    void tooManyEntriesAreRefusedFromTheEndRecordBeforeTheDirectoryIsRead() {
        UploadFixture f = new UploadFixture(new UploadLimits(1 << 30, 1 << 20, 10, 1 << 30, 100, 100));
        Zips z = new Zips();
        for (int i = 0; i < 11; i++) {
            z.add("f" + i + ".txt", ("file " + i + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        String s = f.open();
        f.send(s, "many.zip", z.bytes());
        assertThatThrownBy(() -> f.confirm(s)).isInstanceOfSatisfying(UploadRefusedException.class, ex ->
                assertThat(ex.problems().get(0).message()).isEqualTo("the archive has 11 entries; at most 10 are"
                        + " accepted"));
    }

    private static String reason(String name) {
        UploadFixture f = new UploadFixture();
        String s = f.open();
        f.send(s, name, corpus().get(name));
        try {
            f.confirm(s);
        } catch (UploadRefusedException e) {
            return e.problems().get(0).message();
        }
        throw new AssertionError(name + " was accepted");
    }

    /** 42.zip in miniature: archives of archives, {@code depth} levels, 4 copies each. */
    private static byte[] nested(int depth) {
        byte[] inner = new Zips().add("zeros.bin", new byte[1 << 16]).bytes();
        for (int level = 0; level < depth; level++) {
            Zips z = new Zips();
            for (int i = 0; i < 4; i++) {
                z.add("lib" + level + "_" + i + ".zip", inner);
            }
            inner = z.bytes();
        }
        return inner;
    }

    /** Declares {@code declared} uncompressed bytes in both headers; the entry inflates to far more. */
    private static byte[] forgedSize(byte[] zip, int declared) {
        ByteBuffer b = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            int sig = b.getInt(i);
            if (sig == 0x04034b50) {
                b.putInt(i + 22, declared);
            } else if (sig == 0x02014b50) {
                b.putInt(i + 24, declared);
            }
        }
        return b.array();
    }

    /** Two directory entries whose local headers are the same bytes (the overlapping-entry bomb). */
    private static byte[] overlapping() {
        byte[] zip = new Zips().stored("AAAA.txt", "same bytes\n".getBytes(StandardCharsets.US_ASCII))
                .stored("BBBB.txt", "same bytes\n".getBytes(StandardCharsets.US_ASCII)).bytes();
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        int seen = 0;
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (b.getInt(i) == 0x02014b50 && ++seen == 2) {
                b.putInt(i + 42, 0); // the second entry's local header offset now points at the first
            }
        }
        return b.array();
    }

    /** An end record claiming 65,535 entries. */
    private static byte[] lyingCount(byte[] zip) {
        ByteBuffer b = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = zip.length - 22; i >= 0; i--) {
            if (b.getInt(i) == 0x06054b50) {
                b.putShort(i + 8, (short) 0xFFFF);
                b.putShort(i + 10, (short) 0xFFFF);
                break;
            }
        }
        return b.array();
    }
}
