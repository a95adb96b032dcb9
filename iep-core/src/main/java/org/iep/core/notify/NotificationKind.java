package org.iep.core.notify;

/**
 * The events people are told about; each has a template per language. The values each template needs are listed
 * per kind (a missing one fails the message rather than sending a half-filled e-mail); extra values are ignored.
 * Subjects never carry a patient's name, masked or not.
 */
public enum NotificationKind {
    /** A transfer or request was created for the addressee institution: tracking, type, priority, institution. */
    CREATED,
    /**
     * The package is ready: the e-mail with the access link. recipientName, institution, tracking, patient (masked),
     * expires, viewUntil, contactEmail, contactPhone, secret.link.
     */
    AVAILABLE,
    /**
     * A one-time passcode (sealed in the outbox; dropped once it has expired): institution, minutes,
     * secret.passcode.
     */
    PASSCODE,
    /** An individual uploaded images in answer to a request (to them): recipientName, institution, tracking. */
    UPLOADED,
    /** The recipient declined, with a reason: tracking, institution (who declined), reason. */
    DECLINED,
    /**
     * A recipient forwarded the package (to the originating institution): tracking, forwardTracking, patient
     * (masked), forwardee (masked), expires.
     */
    FORWARDED,
    /** A delivery failed: tracking, reason. */
    FAILED,
    /** The package will expire soon: recipientName, institution, tracking, expires. */
    EXPIRING_SOON,
    /** The images were deleted by retention: tracking. */
    PURGED,
    /** Too many wrong passcodes locked access (to the sender): tracking, recipient (masked), until. */
    ACCESS_LOCKED,
    /**
     * An individual is asked to upload images for a request; the e-mail with the access link. recipientName,
     * institution, tracking, patient (masked), expires, contactEmail, contactPhone, secret.link.
     */
    UPLOAD_REQUESTED
}
