/**
 * Ingest: DICOM instances into the blob store and the instance index under a transaction — write, verify, then
 * commit the index — with orphan collection for what a crash leaves behind.
 */
package org.iep.core.ingest;
