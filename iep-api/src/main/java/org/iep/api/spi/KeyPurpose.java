package org.iep.api.spi;

/** What a key is for; each purpose gets its own key so one leak does not expose the others. */
public enum KeyPurpose {
    /** HMAC of link tokens, passcodes and session IDs. */
    SECRET_HASHING,
    /** Patient pseudonyms and keyed UID replacement in de-identification. */
    PSEUDONYMS,
    /** Encryption of download packages when the sender asks for a password-less protected package. */
    PACKAGE_ENCRYPTION,
    /** Sealing (AES-GCM) of outbox payloads that carry a secret, such as a passcode text waiting to be sent. */
    OUTBOX_SEALING
}
