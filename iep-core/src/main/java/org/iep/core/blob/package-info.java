/**
 * The embedded default {@link org.iep.api.spi.BlobStore}: {@link org.iep.core.blob.FileSystemBlobStore}, blobs as
 * files under one root directory, written durably (write, fsync, verify, atomic rename, fsync the directory) so a
 * blob is visible whole or not at all, also after a crash. Thread-safe; nothing here is null unless its type is
 * {@code Optional}.
 */
package org.iep.core.blob;
