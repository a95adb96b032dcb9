/**
 * Transactions on JDBC: the store, its JSON document codec and the translation of queries to SQL.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.transaction;
