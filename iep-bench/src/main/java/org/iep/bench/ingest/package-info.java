/** Ingest throughput against {@code cp} of the same files. */
package org.iep.bench.ingest;
