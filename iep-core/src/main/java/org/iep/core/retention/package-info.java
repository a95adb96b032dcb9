/**
 * Retention: the purge that deletes the images of transactions past their origin institution's retention (keeping
 * metadata and audit, and marking them PURGED), and the cancellation of requests left unanswered. Both are
 * idempotent and resumable, so a scheduler can simply run them again after a crash. Nothing here is null; every
 * public class states its thread-safety.
 */
package org.iep.core.retention;
