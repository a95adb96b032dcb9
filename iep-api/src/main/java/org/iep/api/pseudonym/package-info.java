/**
 * Pseudonymisation as an institution configures it: named profiles (research, teaching) of de-identification
 * options and tag actions, and the links from a pseudonym back to the patient, kept for re-identification by
 * authorised staff.
 */
package org.iep.api.pseudonym;
