/**
 * Pseudonymisation of transfers: an institution's named profiles applied by the {@code iep-dicom} de-identification
 * engine to every instance before it is written, keyed per institution and profile from the {@code KeyProvider}
 * (so the same patient gets the same pseudonym in every study and year, and another profile an unrelated one), the
 * links back to the patient kept for re-identification by the institution's administrators, audited.
 */
package org.iep.core.pseudonym;
