package org.iep.core.blob;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The file operations that make a write survive a crash: forcing file contents and the directories whose entries
 * changed. Stateless and thread-safe; callers translate the {@link IOException}s.
 */
final class DurableFiles {
    // Windows cannot open a directory to force it; there a rename relies on the file system's metadata journal.
    private static final boolean DIRECTORY_FSYNC = !System.getProperty("os.name", "").startsWith("Windows");

    private DurableFiles() {
    }

    /** Writes {@code bytes} to the new file {@code path} and forces them to disk. */
    static void write(Path path, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(path, CREATE_NEW, WRITE)) {
            writeFully(out, ByteBuffer.wrap(bytes));
            out.force(true);
        }
    }

    /** Writes {@code bytes} to the new file {@code path}, leaving them to the page cache. */
    static void writeUnforced(Path path, byte[] bytes) throws IOException {
        try (FileChannel out = FileChannel.open(path, CREATE_NEW, WRITE)) {
            writeFully(out, ByteBuffer.wrap(bytes));
        }
    }

    static void writeFully(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /** Forces a directory, so that entries renamed into or removed from it survive a crash. */
    static void forceDirectory(Path dir) throws IOException {
        if (DIRECTORY_FSYNC) {
            try (FileChannel d = FileChannel.open(dir, READ)) {
                d.force(true);
            }
        }
    }

    /** Creates missing directories and forces every directory that gained an entry. */
    static void createDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path existing = dir.getParent();
        while (!Files.isDirectory(existing)) {
            existing = existing.getParent();
        }
        Files.createDirectories(dir);
        for (Path p = dir.getParent(); p.startsWith(existing); p = p.getParent()) {
            forceDirectory(p);
        }
    }

    /** The attributes of {@code p}, or empty when it does not exist. */
    static Optional<BasicFileAttributes> attributes(Path p) throws IOException {
        try {
            return Optional.of(Files.readAttributes(p, BasicFileAttributes.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }
}
