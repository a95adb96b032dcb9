/** The instance index on JDBC. */
package org.iep.adapters.jdbc.content;
