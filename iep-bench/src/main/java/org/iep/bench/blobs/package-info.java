/** Blob store throughput: the S3 adapter (against S3Proxy) and the filesystem store on the same data. */
package org.iep.bench.blobs;
