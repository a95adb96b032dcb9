package org.iep.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.CRC32;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.junit.jupiter.api.Test;

class ReadAheadTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final InMemoryBlobStore stored = new InMemoryBlobStore();
    /** Counts the blobs opened, to see how far ahead the worker reads. */
    private final BlobStore blobs = new BlobStore() {
        @Override
        public BlobInfo put(BlobKey key, InputStream content) {
            return stored.put(key, content);
        }

        @Override
        public Optional<BlobInfo> stat(BlobKey key) {
            return stored.stat(key);
        }

        @Override
        public InputStream open(BlobKey key, ByteRange range) {
            opened.incrementAndGet();
            return stored.open(key, range);
        }

        @Override
        public boolean delete(BlobKey key) {
            return stored.delete(key);
        }

        @Override
        public long deleteAll(BlobKey prefix) {
            return stored.deleteAll(prefix);
        }

        @Override
        public List<BlobKey> list(BlobKey prefix) {
            return stored.list(prefix);
        }
    };

    private List<BlobKey> store(int n, List<Long> expected) {
        Random random = new Random(n);
        List<BlobKey> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[random.nextInt(700_000)];
            random.nextBytes(b);
            BlobKey key = BlobKey.of("crc", String.format("%04d", i));
            blobs.put(key, new ByteArrayInputStream(b));
            CRC32 crc = new CRC32();
            crc.update(b);
            expected.add(crc.getValue());
            keys.add(key);
        }
        return keys;
    }

    @Test
    void givesEachFilesCrcInOrderWithTheBytesOfThoseReadWhole() throws IOException {
        List<Long> expected = new ArrayList<>();
        List<BlobKey> keys = store(40, expected);
        long[] sizes = sizes(keys);
        List<Long> got = new ArrayList<>();
        int whole = 0;
        try (ReadAhead ahead = new ReadAhead(blobs, keys, sizes, 400_000)) {
            for (int i = 0; i < keys.size(); i++) {
                ReadAhead.Entry e = ahead.next();
                got.add(e.crc());
                assertThat(e.key()).isEqualTo(keys.get(i));
                if (sizes[i] <= 400_000) {
                    assertThat(java.util.Arrays.copyOf(e.bytes(), e.length())).isEqualTo(bytes(keys.get(i)));
                    whole++;
                } else {
                    assertThat(e.bytes()).isNull();
                }
                ahead.release(e);
            }
            assertThatThrownBy(ahead::next).isInstanceOf(IllegalStateException.class);
        }
        assertThat(got).isEqualTo(expected);
        assertThat(whole).isBetween(10, 30);
        assertThat(opened).hasValue(40);
    }

    @Test
    void holdsNoMoreFilesThanItsBufferBudgetAndReadsLargeOnesNoFurtherThanItsWindow() throws Exception {
        List<BlobKey> keys = store(10, new ArrayList<>());
        long[] sizes = sizes(keys);
        long largest = java.util.Arrays.stream(sizes).max().orElseThrow();
        try (ReadAhead small = new ReadAhead(blobs, keys, sizes, Integer.MAX_VALUE, 3 * largest)) {
            awaitOpened(3);
            Thread.sleep(300); // would it read a fourth? its three buffers are full
            assertThat(opened).hasValue(3);
            ReadAhead.Entry first = small.next();
            Thread.sleep(200);
            assertThat(opened).as("a taken entry holds its buffer until released").hasValue(3);
            small.release(first);
            awaitOpened(4);
        }
        opened.set(0);
        long[] large = new long[10];
        java.util.Arrays.fill(large, ReadAhead.WINDOW / 2); // as if each were 32 MiB: two fill the window
        try (ReadAhead ahead = new ReadAhead(blobs, keys, large, 1 << 20)) {
            awaitOpened(2);
            Thread.sleep(300);
            assertThat(opened).hasValue(2);
            ahead.next();
            awaitOpened(3);
            Thread.sleep(300);
            assertThat(opened).hasValue(3);
        }
    }

    @Test
    void aFileThatCannotBeReadOrIsNotItsIndexedSizeFailsTheCallThatNeedsIt() throws IOException {
        List<Long> expected = new ArrayList<>();
        List<BlobKey> keys = new ArrayList<>(store(2, expected));
        keys.add(BlobKey.of("crc", "missing"));
        try (ReadAhead ahead = new ReadAhead(blobs, keys, new long[] {size(keys.get(0)), size(keys.get(1)), 10},
                1 << 20)) {
            assertThat(ahead.next().crc()).isEqualTo(expected.get(0));
            assertThat(ahead.next().crc()).isEqualTo(expected.get(1));
            assertThatThrownBy(ahead::next).isInstanceOf(NotFoundException.class);
        }
        try (ReadAhead ahead = new ReadAhead(blobs, keys.subList(0, 1), new long[] {size(keys.get(0)) - 1},
                1 << 20)) {
            assertThatThrownBy(ahead::next).isInstanceOf(IOException.class).hasMessageContaining("not the");
        }
    }

    private long[] sizes(List<BlobKey> keys) {
        return keys.stream().mapToLong(this::size).toArray();
    }

    private long size(BlobKey key) {
        return stored.stat(key).orElseThrow().size();
    }

    private byte[] bytes(BlobKey key) throws IOException {
        try (InputStream in = stored.open(key, ByteRange.ALL)) {
            return in.readAllBytes();
        }
    }

    private void awaitOpened(int n) throws InterruptedException {
        for (int i = 0; i < 500 && opened.get() < n; i++) {
            Thread.sleep(10);
        }
        assertThat(opened).hasValue(n);
    }
}
