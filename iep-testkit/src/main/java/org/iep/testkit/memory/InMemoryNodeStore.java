package org.iep.testkit.memory;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.NodeStore;

/** DICOM nodes in a map. */
public final class InMemoryNodeStore implements NodeStore {
    private final Map<NodeId, Node> nodes = new HashMap<>();

    @Override
    public synchronized void put(Node node) {
        nodes.put(node.id(), node);
    }

    @Override
    public synchronized Optional<Node> find(NodeId id) {
        return Optional.ofNullable(nodes.get(id));
    }

    @Override
    public synchronized List<Node> owned(InstitutionId owner) {
        return nodes.values().stream().filter(n -> n.owner().equals(owner))
                .sorted(Comparator.comparing(Node::aeTitle)).toList();
    }

    @Override
    public synchronized List<Node> withAeTitle(String aeTitle) {
        String wanted = aeTitle.stripTrailing();
        return nodes.values().stream().filter(n -> n.aeTitle().stripTrailing().equals(wanted))
                .sorted(Comparator.comparing(n -> n.id().value())).toList();
    }
}
