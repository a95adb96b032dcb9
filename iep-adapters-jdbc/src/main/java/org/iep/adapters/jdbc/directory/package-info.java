/**
 * Institutions, security units, users and DICOM nodes on JDBC.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.directory;
