package org.iep.api.spi;

import java.util.List;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;

/** DICOM nodes. Thread-safe. {@code put} inserts or replaces by ID. */
public interface NodeStore {

    void put(Node node);

    Optional<Node> find(NodeId id);

    /** The nodes an institution owns, ordered by AE title. */
    List<Node> owned(InstitutionId owner);

    /** All nodes with this AE title (AE titles compare exactly, trailing spaces ignored). */
    List<Node> withAeTitle(String aeTitle);
}
