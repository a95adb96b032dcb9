package org.iep.adapters.jdbc.directory;

import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.iep.adapters.jdbc.internal.Sql;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.NodeStore;

/**
 * DICOM nodes in {@code iep_node}; the AE title column holds the title without trailing spaces, so look-ups ignore
 * them as DICOM does, while the document keeps the title exactly as given. Thread-safe.
 */
public final class JdbcNodeStore implements NodeStore {
    private final Sql sql;

    @Inject
    public JdbcNodeStore(DataSource dataSource) {
        this.sql = new Sql(dataSource);
    }

    @Override
    public void put(Node n) {
        String ae = n.aeTitle().stripTrailing();
        String doc = DirectoryCodec.node(n);
        sql.upsert("Storing node " + n.id(), "UPDATE iep_node SET owner_id = ?, ae_title = ?, doc = ? WHERE id = ?",
                new Object[] {n.owner().value(), ae, doc, n.id().value()},
                "INSERT INTO iep_node (id, owner_id, ae_title, doc) VALUES (?, ?, ?, ?)",
                new Object[] {n.id().value(), n.owner().value(), ae, doc});
    }

    @Override
    public Optional<Node> find(NodeId id) {
        return sql.first("Finding node " + id, "SELECT doc FROM iep_node WHERE id = ?",
                rs -> DirectoryCodec.node(rs.getString(1)), id.value());
    }

    @Override
    public List<Node> owned(InstitutionId owner) {
        return sql.list("Listing nodes of " + owner, "SELECT doc FROM iep_node WHERE owner_id = ?",
                rs -> DirectoryCodec.node(rs.getString(1)), owner.value()).stream()
                .sorted(Comparator.comparing(Node::aeTitle)).toList();
    }

    @Override
    public List<Node> withAeTitle(String aeTitle) {
        return sql.list("Finding nodes with AE title " + aeTitle, "SELECT doc FROM iep_node WHERE ae_title = ?",
                rs -> DirectoryCodec.node(rs.getString(1)), aeTitle.stripTrailing()).stream()
                .sorted(Comparator.comparing(n -> n.id().value())).toList();
    }
}
