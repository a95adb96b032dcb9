/**
 * Individuals' access: grants reached by link tokens, one-time passcodes, sessions, and the results of checking
 * a passcode. Only keyed hashes of secrets appear here. Immutable records; thread-safe.
 */
package org.iep.api.access;
