/**
 * Shared plumbing of the JDBC stores, public only because the stores live in several packages: the transaction template, the one SQLState translation, and a small JSON codec. Not an API.
 *
 * <p>Nothing here is null unless its type is {@code Optional}. All classes are thread-safe.
 */
package org.iep.adapters.jdbc.internal;
