package org.iep.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The hand-written stored zip against Java's readers and Info-ZIP's unzip, Zip64 included. */
class StoredZipSinkTest {
    private static final LocalDateTime TIME = LocalDateTime.of(2026, 3, 2, 9, 0, 0);

    @TempDir
    Path tmp;

    @Test
    void moreThan65535EntriesGetZip64EndRecordsThatEveryReaderFollows() throws Exception {
        Path zip = tmp.resolve("many.zip");
        int count = 70_000;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip));
                StoredZipSink sink = new StoredZipSink(out, TIME)) {
            for (int i = 0; i < count; i++) {
                byte[] body = ("entry " + i).getBytes(StandardCharsets.US_ASCII);
                sink.begin(String.format("D/%06d", i), false, body.length, crc(body));
                sink.body().write(body);
                sink.end();
            }
            sink.finish();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.size()).isEqualTo(count);
            assertThat(new String(z.getInputStream(z.getEntry("D/069999")).readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("entry 69999");
        }
        int streamed = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("entry " + streamed);
                assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
                streamed++;
            }
        }
        assertThat(streamed).isEqualTo(count);
        Process unzip = new ProcessBuilder("unzip", "-tq", zip.toString()).redirectErrorStream(true).start();
        String said = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor()).as(said).isZero();
    }

    @Test
    void anEntryOver4GiBAndAnOffsetBeyondItUseZip64Fields() throws Exception {
        Path zip = tmp.resolve("big.zip");
        long big = (5L << 30) + 3;
        byte[] zeros = new byte[1 << 20];
        CRC32 crc = new CRC32();
        for (long left = big; left > 0; left -= Math.min(left, zeros.length)) {
            crc.update(zeros, 0, (int) Math.min(left, zeros.length));
        }
        byte[] small = "after the big one".getBytes(StandardCharsets.US_ASCII);
        try (SparseOutput out = new SparseOutput(zip); StoredZipSink sink = new StoredZipSink(out, TIME)) {
            sink.begin("BIG", false, big, crc.getValue());
            for (long left = big; left > 0; left -= Math.min(left, zeros.length)) {
                sink.body().write(zeros, 0, (int) Math.min(left, zeros.length));
            }
            sink.end();
            sink.begin("SMALL", false, small.length, crc(small));
            sink.body().write(small);
            sink.end();
            sink.finish();
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.getEntry("BIG").getSize()).isEqualTo(big);
            assertThat(z.getEntry("BIG").getCrc()).isEqualTo(crc.getValue());
            try (InputStream in = z.getInputStream(z.getEntry("SMALL"))) {
                assertThat(in.readAllBytes()).isEqualTo(small);
            }
        }
        Process unzip = new ProcessBuilder("unzip", "-l", zip.toString()).redirectErrorStream(true).start();
        String listing = new String(unzip.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(unzip.waitFor()).as(listing).isZero();
        assertThat(listing).contains(String.valueOf(big)).contains("SMALL");
    }

    @Test
    void anEntryThatIsShorterOrLongerThanDeclaredIsNotCompleted() throws IOException {
        StoredZipSink sink = new StoredZipSink(OutputStream.nullOutputStream(), TIME);
        sink.begin("A", false, 3, 0);
        sink.body().write(new byte[2]);
        assertThatThrownBy(sink::end).isInstanceOf(IOException.class).hasMessageContaining("not the 3");
        StoredZipSink other = new StoredZipSink(OutputStream.nullOutputStream(), TIME);
        other.begin("B", false, 1, 0);
        assertThatThrownBy(() -> other.body().write(new byte[2])).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> other.begin("C", false, 1)).isInstanceOf(IllegalStateException.class);
    }

    private static long crc(byte[] b) {
        CRC32 c = new CRC32();
        c.update(b);
        return c.getValue();
    }

    /** Writes runs of zeros as holes, so a 5 GiB test entry costs no disk and little time. */
    private static final class SparseOutput extends OutputStream {
        private final FileChannel channel;

        SparseOutput(Path file) throws IOException {
            channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SPARSE);
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            boolean zeros = true;
            for (int i = off; i < off + len && zeros; i++) {
                zeros = b[i] == 0;
            }
            if (zeros && len > 4096) {
                channel.position(channel.position() + len);
            } else {
                channel.write(ByteBuffer.wrap(b, off, len));
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
