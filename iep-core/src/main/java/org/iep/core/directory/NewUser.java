package org.iep.core.directory;

/** A person's details as entered in a form; fields may be null and are validated by the directory. */
public record NewUser(String email, String familyName, String givenName) {
}
