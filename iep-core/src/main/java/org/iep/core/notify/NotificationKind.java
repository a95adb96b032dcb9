package org.iep.core.notify;

/** The events people are told about; each has a template per language. */
public enum NotificationKind {
    /** A transfer or request was created for the addressee. */
    CREATED,
    /** The package is ready: the e-mail with the access link. */
    AVAILABLE,
    /** A one-time passcode (sealed in the outbox; dropped once it has expired). */
    PASSCODE,
    /** An individual uploaded images in answer to a request. */
    UPLOADED,
    /** The recipient declined, with a reason. */
    DECLINED,
    /** A recipient forwarded the package (to the originating institution). */
    FORWARDED,
    /** A delivery failed. */
    FAILED,
    /** The package will expire soon. */
    EXPIRING_SOON,
    /** The images were deleted by retention. */
    PURGED,
    /** Too many wrong passcodes locked access (to the sender). */
    ACCESS_LOCKED
}
