package org.iep.api.transaction;

/** Who acted: a user of an institution, an individual through an access grant, or the system itself. */
public sealed interface Party permits Party.Staff, Party.Individual, Party.System {

    /** A stable identifier for audit records. */
    String auditId();

    /** A user acting for their institution. */
    record Staff(org.iep.api.directory.InstitutionId institution, org.iep.api.directory.UserId user)
            implements Party {
        @Override
        public String auditId() {
            return "user:" + user.value();
        }
    }

    /** An individual acting through the access grant they verified. */
    record Individual(org.iep.api.access.GrantId grant, String displayName) implements Party {
        @Override
        public String auditId() {
            return "grant:" + grant.value();
        }
    }

    /** IEP itself (purge job, DICOM listener, HL7 listener), named by component. */
    record System(String component) implements Party {
        @Override
        public String auditId() {
            return "system:" + component;
        }
    }
}
