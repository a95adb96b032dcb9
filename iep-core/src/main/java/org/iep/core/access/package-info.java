/**
 * Individuals' access to packages, enforced here and not in the UI: grants issued when a package becomes available
 * ({@link org.iep.core.access.AccessGrants}), the link that sends a one-time passcode
 * ({@link org.iep.core.access.LinkOpening}), passcode verification that opens a session
 * ({@link org.iep.core.access.PasscodeVerifier}), authorisation of every request
 * ({@link org.iep.core.access.IndividualAccess}), the dashboard, declining and recording downloads. Only keyed
 * hashes of tokens, codes and session IDs are stored; none of them is ever logged or audited. Every allow and deny
 * is audited. Nothing here accepts or returns null; every public class is thread-safe.
 */
package org.iep.core.access;
