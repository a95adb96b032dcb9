package org.iep.app.demo;

import java.util.List;
import org.iep.api.spi.DirectoryStore;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.Directory;
import org.iep.core.directory.NewInstitution;
import org.iep.core.directory.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seeds an empty database with two demo hospitals and their first administrators, through the same directory
 * service (validated, audited) that a system operator uses. Does nothing when any institution exists, so a restart
 * or a real deployment that turned demo data off is never touched. Uses reserved example domains and the Ofcom
 * drama number range only.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ClientInfo SEEDER = new ClientInfo("127.0.0.1");

    private final Directory directory;
    private final DirectoryStore store;

    public DemoData(Directory directory, DirectoryStore store) {
        this.directory = directory;
        this.store = store;
    }

    /** Returns how many institutions were created (0 when the database already had some). */
    public int seedIfEmpty() {
        if (!store.institutions().isEmpty()) {
            return 0;
        }
        List<NewInstitution> hospitals = List.of(
                new NewInstitution("STEE", "St Elsewhere Hospital", "imaging@stee.example.org", "+441632960001",
                        "Europe/London", null, null, new NewUser("admin@stee.example.org", "Okafor", "Ada")),
                new NewInstitution("NTEE", "Northtown General Hospital", "imaging@ntee.example.org",
                        "+441632960002", "Europe/London", null, null,
                        new NewUser("admin@ntee.example.org", "Lindqvist", "Sven")));
        hospitals.forEach(h -> directory.createInstitution(h, SEEDER));
        LOG.info("Demo data: created {} hospitals (STEE, NTEE) with their administrators", hospitals.size());
        return hospitals.size();
    }
}
