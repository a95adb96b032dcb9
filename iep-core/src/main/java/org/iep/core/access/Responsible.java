package org.iep.core.access;

import org.iep.api.NotFoundException;
import org.iep.api.directory.Institution;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;

/**
 * The institution individuals are told to contact about a transaction, and that is told about locks and
 * declines: the sending institution, or for a forward (sent by an individual) the originating one.
 */
final class Responsible {
    private Responsible() {
    }

    static Institution institution(DirectoryStore directory, Transaction t) {
        var id = t.sender() instanceof Party.Staff s ? s.institution() : t.origin();
        return directory.institution(id).orElseThrow(() -> new NotFoundException("Institution " + id));
    }
}
