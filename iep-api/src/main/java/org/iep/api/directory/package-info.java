/**
 * The directory: institutions with their policies and core hours, security units, users with roles and
 * registration state, and DICOM nodes with sender allow-lists and out-of-hours alternatives.
 * All types are immutable records; thread-safe.
 */
package org.iep.api.directory;
