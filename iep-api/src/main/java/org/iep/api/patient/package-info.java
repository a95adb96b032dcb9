/** Patients: identifiers, NHS numbers with their check digit, demographics. Immutable; thread-safe. */
package org.iep.api.patient;
