package org.iep.core.access;

/** What an individual asks to do with a package (or a request addressed to them). */
public enum Action {
    /** Open the online viewer: only within the view window (11 days by default). */
    VIEW,
    /** Download the zip package: until the package expires (14 days by default). */
    DOWNLOAD,
    /** Start the forward wizard: only for grants that may forward. */
    FORWARD,
    /** Decline the package (or request) with a reason. */
    DECLINE,
    /** Upload images in answer to a request addressed to the individual. */
    UPLOAD,
    /** See the dashboard. */
    LIST;

    /** The stable audit action name, e.g. {@code access.view}. */
    String auditName() {
        return "access." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
