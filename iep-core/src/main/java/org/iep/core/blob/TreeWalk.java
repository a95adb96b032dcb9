package org.iep.core.blob;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.iep.api.spi.BlobKey;

/**
 * Walks the blob tree for listing and bulk deletion. Entries that vanish during a walk (a concurrent delete) are
 * skipped, and directories that gain entries during a delete (a concurrent put) are kept. Not thread-safe: one
 * walk per call.
 */
final class TreeWalk {
    private final Path blobs;

    TreeWalk(Path blobs) {
        this.blobs = blobs;
    }

    /** The keys at or under {@code prefix}, in lexical order of their text; sidecars and directories are not keys. */
    List<BlobKey> keys(BlobKey prefix, Path prefixBlob, Path prefixDir) throws IOException {
        List<String> keys = new ArrayList<>();
        if (Files.exists(prefixBlob)) {
            keys.add(prefix.value());
        }
        if (Files.isDirectory(prefixDir)) {
            Files.walkFileTree(prefixDir, new Skipping() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    keyOf(file).ifPresent(keys::add);
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        // Sort the text, not the tree: "a/b.c" comes before "a/b/x" although directory b is visited first.
        return keys.stream().sorted().map(BlobKey::new).toList();
    }

    /** Deletes every blob and sidecar in {@code dir} and below, then the emptied directories; counts blobs. */
    long deleteTree(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] count = {0};
        Files.walkFileTree(dir, new Skipping() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String name = file.getFileName().toString();
                boolean blob = name.endsWith(FileSystemBlobStore.BLOB_SUFFIX);
                if ((blob || name.endsWith(FileSystemBlobStore.SIDECAR_SUFFIX)) && Files.deleteIfExists(file)
                        && blob) {
                    count[0]++;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                deleteIfEmpty(d);
                return FileVisitResult.CONTINUE;
            }
        });
        return count[0];
    }

    /** Deletes {@code dir} if it is empty; returns whether it is gone. */
    static boolean deleteIfEmpty(Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
            return true;
        } catch (DirectoryNotEmptyException e) {
            return false;
        }
    }

    private Optional<String> keyOf(Path file) {
        String name = file.getFileName().toString();
        if (!name.endsWith(FileSystemBlobStore.BLOB_SUFFIX)) {
            return Optional.empty();
        }
        String relative = blobs.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        return Optional.of(relative.substring(0, relative.length() - FileSystemBlobStore.BLOB_SUFFIX.length()));
    }

    /** Skips entries that a concurrent delete removed under the walk; every other failure propagates. */
    private static class Skipping extends SimpleFileVisitor<Path> {
        @Override
        public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
            if (e instanceof NoSuchFileException) {
                return FileVisitResult.CONTINUE;
            }
            throw e;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null && !(e instanceof NoSuchFileException)) {
                throw e;
            }
            return FileVisitResult.CONTINUE;
        }
    }
}
