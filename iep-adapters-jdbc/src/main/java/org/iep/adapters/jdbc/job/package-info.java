/**
 * The durable job queue on JDBC, with leases taken by SELECT ... FOR UPDATE SKIP LOCKED.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.job;
