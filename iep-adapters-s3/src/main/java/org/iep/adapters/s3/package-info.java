/**
 * {@link org.iep.api.spi.BlobStore} on any S3-compatible object store (AWS S3, MinIO, Ceph RGW, S3Proxy) with the
 * AWS SDK v2: {@link org.iep.adapters.s3.S3BlobStore}, configured by {@link org.iep.adapters.s3.S3Config} and bound
 * by {@link org.iep.adapters.s3.S3Module}.
 */
package org.iep.adapters.s3;
