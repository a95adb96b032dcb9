package org.iep.api;

/** Error codes of the workflow (1xxx). Numbers are stable; add new ones at the end of their block. */
public enum CoreErrorCode implements ErrorCode {
    INVALID_INPUT(1001, "The request is invalid; every problem is listed"),
    NOT_FOUND(1002, "The referenced entity does not exist or is not visible to the caller"),
    ACCESS_DENIED(1100, "The caller may not perform this action"),
    WRONG_INSTITUTION(1101, "The caller acts for another institution"),
    ROLE_NOT_ALLOWED(1102, "The caller's role does not allow this action"),
    NOT_APPROVED(1103, "The user's registration is not approved"),
    SESSION_INVALID(1104, "The session is unknown, expired or revoked"),
    GRANT_REVOKED(1105, "Access to this package was revoked, declined or has expired"),
    GRANT_LOCKED(1106, "Access is locked after too many wrong passcodes"),
    PASSCODE_RATE_LIMITED(1107, "Too many passcodes were sent for this link in the last hour"),
    VIEW_WINDOW_CLOSED(1108, "Online viewing is only available during the view window"),
    ILLEGAL_TRANSITION(1200, "The transaction's status does not allow this change"),
    CONCURRENT_MODIFICATION(1201, "Someone else changed this entity at the same time; reload and retry"),
    DUPLICATE(1202, "An entity with this identity already exists"),
    FORWARD_LIMIT_REACHED(1203, "This package has been forwarded the maximum number of times"),
    FORWARD_NOT_ALLOWED(1204, "A recipient of a forward cannot forward it again"),
    DISCLAIMER_NOT_ACCEPTED(1205, "The forwarding disclaimer must be accepted"),
    NO_ROUTE(1300, "No destination node can receive for this institution at this time"),
    STORAGE_FAILURE(1400, "The blob store failed; nothing was committed"),
    INTEGRITY_FAILURE(1401, "Stored content does not match its checksum"),
    DELIVERY_FAILURE(1500, "A notification or delivery could not be sent; it will be retried"),
    AUDIT_CHAIN_BROKEN(1600, "The audit hash chain does not verify"),
    CONFIGURATION(1700, "The configuration is invalid"),
    REPORT_TYPE_NOT_ALLOWED(1800, "The report is neither a PDF nor UTF-8 text"),
    REPORT_TOO_LARGE(1801, "The report is larger than the configured limit"),
    INSTANCE_CONFLICT(1900, "An instance with this SOP Instance UID but other content is already stored; nothing was replaced"),
    PATIENT_MISMATCH(1901, "The instance belongs to another patient than the transaction; the patients found are listed"),
    NOT_DICOM(1902, "The content is not a readable DICOM instance"),
    INGEST_CLOSED(1903, "The transaction takes no more images in its current status"),
    UPLOAD_REFUSED(1910, "Files of the upload were refused; each is listed with its reason and nothing was stored"),
    UPLOAD_OFFSET_MISMATCH(1911, "The chunk does not continue the file where its received bytes end; resume there"),
    UPLOAD_UNKNOWN(1912, "The upload session does not exist, belongs to another transaction or was confirmed"),
    DIRECT_ROUTE_REFUSED(1920, "The called AE title is no direct route for this sending node"),
    DIRECT_ROUTE_INVALID(1921, "A direct route names an unknown institution or node, or a node that refuses the sender"),
    PSEUDONYMISATION_PROFILE_UNKNOWN(1930, "The institution has no pseudonymisation profile of this name"),
    BURNED_IN_ANNOTATION_REFUSED(1931, "The instance may show identity in its pixels (Burned In Annotation) and the"
            + " pseudonymisation profile does not accept such instances; nothing was stored");

    private final int number;
    private final String summary;

    CoreErrorCode(int number, String summary) {
        this.number = number;
        this.summary = summary;
    }

    @Override
    public int number() {
        return number;
    }

    @Override
    public String summary() {
        return summary;
    }
}
