package org.iep.testkit.contract;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.iep.api.InfrastructureException;
import org.iep.api.NotFoundException;
import org.iep.api.spi.BlobInfo;
import org.iep.api.spi.BlobKey;
import org.iep.api.spi.BlobStore;
import org.iep.api.spi.ByteRange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link BlobStore} contract: verified SHA-256 and size, full and ranged reads, atomic replacement, idempotent
 * deletes, prefix semantics that never touch siblings ({@code a/b} vs {@code a/bc}), lexical listing, nothing
 * visible after a failed put, blobs larger than any buffer, and concurrent writers and readers.
 */
public abstract class BlobStoreContract {
    static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    static final String SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    protected BlobStore store;

    /** A new, empty store. */
    protected abstract BlobStore newStore();

    /** What the store can do beyond the basics; by default {@link Capability#STREAMING}, as the port demands. */
    protected Set<Capability> capabilities() {
        return Set.of(Capability.STREAMING);
    }

    /** With {@link Capability#DURABLE}: a second store on the same storage as {@link #store}. */
    protected BlobStore reopen() {
        throw new UnsupportedOperationException("declare Capability.DURABLE and override reopen()");
    }

    @BeforeEach
    final void createStore() {
        store = newStore();
    }

    protected final BlobInfo put(String key, byte[] content) {
        return store.put(new BlobKey(key), new ByteArrayInputStream(content));
    }

    protected final byte[] read(String key, ByteRange range) {
        return BlobStreams.readAll(store.open(new BlobKey(key), range));
    }

    @Test
    void putReturnsSizeAndSha256AndTheBlobReadsBack() {
        BlobInfo info = put("t1/abc", "abc".getBytes(UTF_8));

        assertThat(info).isEqualTo(new BlobInfo(new BlobKey("t1/abc"), 3, SHA256_ABC));
        assertThat(store.stat(new BlobKey("t1/abc"))).contains(info);
        assertThat(read("t1/abc", ByteRange.ALL)).isEqualTo("abc".getBytes(UTF_8));
    }

    @Test
    void anEmptyBlobIsABlob() {
        BlobInfo info = put("t1/empty", new byte[0]);

        assertThat(info).isEqualTo(new BlobInfo(new BlobKey("t1/empty"), 0, SHA256_EMPTY));
        assertThat(store.stat(new BlobKey("t1/empty"))).contains(info);
        assertThat(read("t1/empty", ByteRange.ALL)).isEmpty();
        assertThat(store.list(new BlobKey("t1"))).containsExactly(new BlobKey("t1/empty"));
    }

    @Test
    void binaryContentAcrossBufferBoundariesRoundTrips() {
        byte[] content = new byte[200_003];
        for (int i = 0; i < content.length; i++) {
            content[i] = BlobStreams.generated(i);
        }

        BlobInfo info = put("t1/bin", content);

        assertThat(info.size()).isEqualTo(content.length);
        assertThat(info.sha256()).isEqualTo(BlobStreams.sha256Hex(content));
        assertThat(read("t1/bin", ByteRange.ALL)).isEqualTo(content);
    }

    @Test
    void putReadsTheContentToItsEndAndLeavesItOpen() {
        BlobStreams.Generating content = new BlobStreams.Generating(100_000);

        BlobInfo info = store.put(new BlobKey("t1/x"), content);

        assertThat(content.exhausted()).isTrue();
        assertThat(content.closed()).as("the caller owns the stream and closes it").isFalse();
        assertThat(info.sha256()).isEqualTo(content.sha256Hex());
    }

    @Test
    void rangesSelectBytesAndStopAtTheEnd() {
        byte[] content = new byte[1000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        put("t1/r", content);

        assertThat(read("t1/r", new ByteRange(10, 20))).isEqualTo(Arrays.copyOfRange(content, 10, 30));
        assertThat(read("t1/r", ByteRange.from(990))).isEqualTo(Arrays.copyOfRange(content, 990, 1000));
        assertThat(read("t1/r", new ByteRange(990, 100))).isEqualTo(Arrays.copyOfRange(content, 990, 1000));
        assertThat(read("t1/r", new ByteRange(0, 1000))).isEqualTo(content);
        assertThat(read("t1/r", new ByteRange(5, 0))).isEmpty();
        assertThat(read("t1/r", ByteRange.from(1000))).isEmpty();
        assertThat(read("t1/r", new ByteRange(1000, 5))).isEmpty();
        assertThat(read("t1/r", new ByteRange(5000, ByteRange.TO_END))).isEmpty();
    }

    @Test
    void aRangeLongerThanAnyBlobIsCutAtItsEnd() {
        put("t1/r", "0123456789".getBytes(UTF_8));

        assertThat(read("t1/r", new ByteRange(2, Long.MAX_VALUE))).isEqualTo("23456789".getBytes(UTF_8));
        assertThat(read("t1/r", new ByteRange(Long.MAX_VALUE, Long.MAX_VALUE))).isEmpty();
    }

    @Test
    void missingBlobsAreAbsentNotFoundAndNotDeleted() {
        put("t1/present", new byte[] {1});
        BlobKey missing = new BlobKey("t1/missing");

        assertThat(store.stat(missing)).isEmpty();
        assertThatThrownBy(() -> store.open(missing, ByteRange.ALL)).isInstanceOf(NotFoundException.class);
        assertThat(store.delete(missing)).isFalse();
        assertThat(store.deleteAll(new BlobKey("nothing/here"))).isZero();
        assertThat(store.list(new BlobKey("nothing"))).isEmpty();
    }

    @Test
    void putReplacesAnExistingBlob() {
        put("t1/doc", "first version".getBytes(UTF_8));

        BlobInfo second = put("t1/doc", "abc".getBytes(UTF_8));

        assertThat(second).isEqualTo(new BlobInfo(new BlobKey("t1/doc"), 3, SHA256_ABC));
        assertThat(store.stat(new BlobKey("t1/doc"))).contains(second);
        assertThat(read("t1/doc", ByteRange.ALL)).isEqualTo("abc".getBytes(UTF_8));
        assertThat(store.list(new BlobKey("t1"))).containsExactly(new BlobKey("t1/doc"));
    }

    @Test
    void deleteIsIdempotent() {
        put("t1/a", new byte[] {1});
        put("t1/b", new byte[] {2});

        assertThat(store.delete(new BlobKey("t1/a"))).isTrue();
        assertThat(store.delete(new BlobKey("t1/a"))).isFalse();

        assertThat(store.stat(new BlobKey("t1/a"))).isEmpty();
        assertThatThrownBy(() -> store.open(new BlobKey("t1/a"), ByteRange.ALL)).isInstanceOf(NotFoundException.class);
        assertThat(store.list(new BlobKey("t1"))).containsExactly(new BlobKey("t1/b"));
    }

    @Test
    void aKeyCanBeABlobAndAPrefixAtOnce() {
        put("t1/study", "whole".getBytes(UTF_8));
        put("t1/study/1", "part".getBytes(UTF_8));

        assertThat(read("t1/study", ByteRange.ALL)).isEqualTo("whole".getBytes(UTF_8));
        assertThat(read("t1/study/1", ByteRange.ALL)).isEqualTo("part".getBytes(UTF_8));

        assertThat(store.delete(new BlobKey("t1/study"))).isTrue();
        assertThat(store.stat(new BlobKey("t1/study/1"))).isPresent();
    }

    @Test
    void deleteAllRemovesThePrefixAndEverythingUnderItButNoSibling() {
        for (String k : List.of("a", "a/b", "a/b/1", "a/b/c/2", "a/bc/1", "a/b-c", "a/b.c")) {
            put(k, k.getBytes(UTF_8));
        }

        assertThat(store.deleteAll(new BlobKey("a/b"))).isEqualTo(3);
        assertThat(store.deleteAll(new BlobKey("a/b"))).isZero();

        assertThat(store.list(new BlobKey("a"))).containsExactly(
                new BlobKey("a"), new BlobKey("a/b-c"), new BlobKey("a/b.c"), new BlobKey("a/bc/1"));
        assertThat(read("a/bc/1", ByteRange.ALL)).isEqualTo("a/bc/1".getBytes(UTF_8));
        put("a/b/1", new byte[] {9});
        assertThat(store.list(new BlobKey("a/b"))).containsExactly(new BlobKey("a/b/1"));
    }

    @Test
    void listIsLexicalAndHonoursSegmentBoundaries() {
        for (String k : List.of("t/b", "t/a/z", "t/a.b", "t/a/b", "t/a-1", "t/0", "tt/x", "t/a")) {
            put(k, new byte[] {1});
        }

        assertThat(store.list(new BlobKey("t"))).extracting(BlobKey::value)
                .containsExactly("t/0", "t/a", "t/a-1", "t/a.b", "t/a/b", "t/a/z", "t/b");
        assertThat(store.list(new BlobKey("t/a"))).extracting(BlobKey::value)
                .containsExactly("t/a", "t/a/b", "t/a/z");
        assertThat(store.list(new BlobKey("t/a/z"))).extracting(BlobKey::value).containsExactly("t/a/z");
        assertThat(store.list(new BlobKey("t/c"))).isEmpty();
    }

    @Test
    void aPutWhoseInputFailsLeavesNothingVisible() {
        BlobKey key = new BlobKey("t1/broken");

        assertThatThrownBy(() -> store.put(key, new BlobStreams.Failing(300_000)))
                .isInstanceOf(InfrastructureException.class);

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list(new BlobKey("t1"))).isEmpty();
        assertThatThrownBy(() -> store.open(key, ByteRange.ALL)).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aFailedReplacementKeepsTheOldBlob() {
        BlobInfo old = put("t1/doc", "abc".getBytes(UTF_8));

        assertThatThrownBy(() -> store.put(new BlobKey("t1/doc"), new BlobStreams.Failing(300_000)))
                .isInstanceOf(InfrastructureException.class);

        assertThat(store.stat(new BlobKey("t1/doc"))).contains(old);
        assertThat(read("t1/doc", ByteRange.ALL)).isEqualTo("abc".getBytes(UTF_8));
    }

    @Test
    void aWriteStoresWhatTheWriterWritesAcrossBufferBoundaries() {
        byte[] content = new byte[700_001];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31 + 7);
        }
        BlobKey key = new BlobKey("w1/pushed");

        BlobInfo info = store.write(key, out -> {
            out.write(content[0]);
            out.write(content, 1, 99);
            out.write(content, 100, 300_000);
            out.write(content, 300_100, content.length - 300_100);
        });

        assertThat(info).isEqualTo(new BlobInfo(key, content.length, BlobStreams.sha256Hex(content)));
        assertThat(store.stat(key)).contains(info);
        assertThat(read("w1/pushed", ByteRange.ALL)).isEqualTo(content);
    }

    @Test
    void aWriterThatFailsLeavesNothingAndItsExceptionReachesTheCaller() {
        BlobKey key = new BlobKey("w1/broken");
        IllegalStateException refusal = new IllegalStateException("the producer gave up");
        put("w1/kept", "abc".getBytes(UTF_8));

        assertThatThrownBy(() -> store.write(key, out -> {
            out.write(new byte[300_000]);
            throw refusal;
        })).isSameAs(refusal);
        assertThatThrownBy(() -> store.write(key, out -> {
            out.write(new byte[1000]);
            throw new java.io.IOException("source closed");
        })).isInstanceOf(java.io.UncheckedIOException.class).hasRootCauseMessage("source closed");
        assertThatThrownBy(() -> store.write(new BlobKey("w1/kept"), out -> {
            out.write("partial".getBytes(UTF_8));
            throw refusal;
        })).isSameAs(refusal);

        assertThat(store.stat(key)).isEmpty();
        assertThat(store.list(new BlobKey("w1"))).extracting(BlobKey::value).containsExactly("w1/kept");
        assertThat(read("w1/kept", ByteRange.ALL)).isEqualTo("abc".getBytes(UTF_8));
    }

    @Test
    void concurrentPutsOfDistinctKeysAreAllStored() {
        List<List<BlobInfo>> infos = Concurrently.run(8, t -> IntStream.range(0, 25)
                .mapToObj(i -> put("c/" + t + "/" + i, ("blob " + t + "/" + i).getBytes(UTF_8))).toList());

        assertThat(store.list(new BlobKey("c"))).hasSize(200).extracting(BlobKey::value).isSorted();
        infos.stream().flatMap(List::stream).forEach(info -> {
            assertThat(store.stat(info.key())).contains(info);
            assertThat(BlobStreams.sha256Hex(BlobStreams.readAll(store.open(info.key(), ByteRange.ALL))))
                    .isEqualTo(info.sha256());
        });
    }

    @Test
    void aLargeBlobStreamsThroughWithTheRightDigestAndRanges() {
        assumeTrue(capabilities().contains(Capability.STREAMING), "store keeps blobs on the heap");
        long size = 64L * 1024 * 1024 + 7;
        BlobStreams.Generating content = new BlobStreams.Generating(size);
        BlobKey key = new BlobKey("big/1");

        // Generated on the fly and digested while read: neither the test nor the stream holds the blob.
        BlobInfo info = store.put(key, content);

        assertThat(info).isEqualTo(new BlobInfo(key, size, content.sha256Hex()));
        assertThat(store.stat(key)).contains(info);
        assertThat(BlobStreams.digestOf(store.open(key, ByteRange.ALL))).isEqualTo(info.sha256());
        long middle = size / 2 + 12_345;
        byte[] slice = BlobStreams.readAll(store.open(key, new ByteRange(middle, 100_000)));
        byte[] expected = new byte[100_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = BlobStreams.generated(middle + i);
        }
        assertThat(slice).isEqualTo(expected);
        byte[] tail = BlobStreams.readAll(store.open(key, ByteRange.from(size - 3)));
        assertThat(tail).containsExactly(BlobStreams.generated(size - 3), BlobStreams.generated(size - 2),
                BlobStreams.generated(size - 1));
    }

    @Test
    void readersSeeOneWholeVersionWhileWritersReplaceIt() {
        BlobKey key = new BlobKey("race/doc");
        List<byte[]> versions = IntStream.range(0, 4).mapToObj(v -> {
            byte[] b = new byte[300_000];
            Arrays.fill(b, (byte) v);
            return b;
        }).toList();
        Set<String> digests = versions.stream().map(BlobStreams::sha256Hex).collect(Collectors.toSet());
        store.put(key, new ByteArrayInputStream(versions.get(0)));

        List<Set<String>> seen = Concurrently.run(8, t -> {
            Set<String> mine = new HashSet<>();
            for (int i = 0; i < 15; i++) {
                if (t % 2 == 0) {
                    mine.add(store.put(key, new ByteArrayInputStream(versions.get((t / 2 + i) % 4))).sha256());
                } else {
                    mine.add(BlobStreams.digestOf(store.open(key, ByteRange.ALL)));
                    mine.add(store.stat(key).orElseThrow().sha256());
                }
            }
            return mine;
        });

        assertThat(seen.stream().flatMap(Set::stream)).allMatch(digests::contains);
        BlobInfo last = store.stat(key).orElseThrow();
        assertThat(BlobStreams.digestOf(store.open(key, ByteRange.ALL))).isEqualTo(last.sha256());
        assertThat(last.size()).isEqualTo(300_000);
    }

    @Test
    void putsAndPurgesOfTheSameTreeRaceWithoutErrors() {
        Concurrently.run(6, t -> {
            for (int i = 0; i < 40; i++) {
                if (t == 0) {
                    store.deleteAll(new BlobKey("p"));
                } else {
                    put("p/" + t + "/s/" + i, ("blob " + t + "/" + i).getBytes(UTF_8));
                    store.delete(new BlobKey("p/" + t + "/s/" + (i / 2)));
                }
            }
            return null;
        });

        for (BlobKey k : store.list(new BlobKey("p"))) {
            BlobInfo info = store.stat(k).orElseThrow();
            byte[] content = BlobStreams.readAll(store.open(k, ByteRange.ALL));
            assertThat(BlobStreams.sha256Hex(content)).isEqualTo(info.sha256());
            assertThat(new String(content, UTF_8)).isEqualTo("blob " + k.value().substring(2).replace("/s/", "/"));
        }
    }

    @Test
    void blobsSurviveReopening() {
        assumeTrue(capabilities().contains(Capability.DURABLE), "store is not durable");
        BlobInfo info = put("d/1", "abc".getBytes(UTF_8));

        BlobStore reopened = reopen();

        assertThat(reopened.stat(info.key())).contains(info);
        assertThat(BlobStreams.readAll(reopened.open(info.key(), ByteRange.ALL))).isEqualTo("abc".getBytes(UTF_8));
        assertThat(reopened.list(new BlobKey("d"))).containsExactly(info.key());
    }
}
