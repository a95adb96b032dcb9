/**
 * Uploads by individuals and institutions: a staged session per upload, many files, each sent in resumable chunks;
 * on confirmation every file is typed by its content (DICOM, zip archives expanded safely, and the accepted document
 * and image types as attachments), every refusal is listed with its reason, the patients are checked, and only then
 * is anything committed. Staged chunks live under the transaction's blob prefix, so a purge removes them too.
 */
package org.iep.core.upload;
