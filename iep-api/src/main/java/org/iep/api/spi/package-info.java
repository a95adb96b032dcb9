/**
 * The ports (SPI) that adapters implement: stores for transactions, directory, users, nodes, access grants,
 * sessions, audit, blobs and jobs; senders for mail and SMS; the DICOM gateway; the key provider. Each interface
 * documents its atomicity, idempotency, ordering and concurrency contract, which the matching abstract suite in
 * {@code iep-testkit} checks. Ports grow only by addition (default methods).
 */
package org.iep.api.spi;
