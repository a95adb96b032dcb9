/**
 * Keyed hashing and sealing of secrets: {@link org.iep.core.secret.SecretHasher} turns link tokens, passcodes and
 * session IDs into HMAC-SHA-256 hashes (the only form that is stored) and compares them in constant time;
 * {@link org.iep.core.secret.Sealer} encrypts secrets that must wait in the outbox (AES-256-GCM). Keys come from
 * the {@code KeyProvider}, each purpose its own. Nothing here accepts null; every class is thread-safe.
 */
package org.iep.core.secret;
