/**
 * Individuals' access grants and sessions on JDBC; the conditional update that makes passcodes single-use.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.access;
