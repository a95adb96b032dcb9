/** The pseudonym links in {@code iep_pseudonym}. */
package org.iep.adapters.jdbc.pseudonym;
