/**
 * The directory: institutions with their first administrator, user registration and approval, roles, security
 * units, DICOM nodes, and routing of incoming transfers to a node (with out-of-hours alternatives).
 * {@link org.iep.core.directory.StaffAccess} holds the access checks every core service uses, so that access
 * rules live in the core and not in the portal. Nothing here accepts or returns null except command fields that
 * are documented as optional input (validated and reported as problems); every public class is thread-safe.
 */
package org.iep.core.directory;
