/**
 * The append-only, hash-chained audit trail on JDBC.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.audit;
