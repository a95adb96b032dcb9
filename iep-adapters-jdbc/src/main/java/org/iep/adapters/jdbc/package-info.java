/**
 * Every store port of IEP on JDBC, for PostgreSQL 15+ and H2 2.x (PostgreSQL mode): configuration
 * ({@link org.iep.adapters.jdbc.JdbcConfig}), the pooled and migrated database
 * ({@link org.iep.adapters.jdbc.JdbcDatabase}), the Guice module ({@link org.iep.adapters.jdbc.JdbcModule}) and the
 * adapter's error codes (2xxx). The stores themselves live in feature packages and can be built with plain
 * constructors over any {@link javax.sql.DataSource}.
 *
 * <p>Nothing in this package is null unless its type is {@code Optional}. Every public class states its
 * thread-safety; all of them are thread-safe.
 */
package org.iep.adapters.jdbc;
