package org.iep.core.upload;

/** How much of one file of an upload has arrived: a client resumes by sending from {@code receivedBytes}. */
public record FileProgress(String fileName, long receivedBytes) {
}
