/** Tests of the JDBC unit of work across the stores. */
package org.iep.adapters.jdbc.unit;
