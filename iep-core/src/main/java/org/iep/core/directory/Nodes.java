package org.iep.core.directory;

import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.iep.api.NotFoundException;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.id.IdGenerator;
import org.iep.core.validation.Problems;

/**
 * DICOM nodes of an institution: AE title, address, who may send to it, its out-of-hours alternative. Only
 * approved administrators of the owning institution change them. Thread-safe.
 */
public final class Nodes {
    // Host names (RFC 1123 labels) or IPv4 / IPv6 literals; resolution is the DICOM adapter's business.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.:-]{0,252})");

    private final NodeStore nodes;
    private final DirectoryStore directory;
    private final StaffAccess access;
    private final Auditor auditor;
    private final IdGenerator ids;
    private final Refusals refusals;

    @Inject
    public Nodes(NodeStore nodes, DirectoryStore directory, StaffAccess access, Auditor auditor, IdGenerator ids) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.access = Objects.requireNonNull(access, "access");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.refusals = new Refusals(access, auditor);
    }

    /** Creates ({@code spec.id()} empty) or replaces a node of {@code owner}. */
    public Node put(UserId adminId, InstitutionId owner, NodeSpec spec, ClientInfo client) {
        return refusals.audited(adminId, "directory.node.put", client, () -> putChecked(adminId, owner, spec,
                client));
    }

    private Node putChecked(UserId adminId, InstitutionId owner, NodeSpec spec, ClientInfo client) {
        User admin = access.requireAdministratorOf(adminId, owner);
        Objects.requireNonNull(spec, "spec");
        Problems p = new Problems();
        spec.id().ifPresent(id -> p.check(nodes.find(id).map(n -> n.owner().equals(owner)).orElse(false), "id",
                "is not a node of this institution"));
        aeTitle(p, spec.aeTitle());
        p.check(spec.host() != null && HOST.matcher(spec.host()).matches(), "host",
                "must be a host name or IP address");
        p.check(spec.port() >= 1 && spec.port() <= 65535, "port", "must be between 1 and 65535");
        for (InstitutionId sender : spec.allowedSenders()) {
            p.check(directory.institution(sender).isPresent(), "allowedSenders",
                    "institution " + sender + " does not exist");
        }
        spec.outOfHours().ifPresent(alt -> {
            Optional<Node> target = nodes.find(alt);
            p.check(target.isPresent() && target.get().owner().equals(owner), "outOfHours",
                    "must be another node of the same institution");
            p.check(spec.id().map(id -> !id.equals(alt)).orElse(true), "outOfHours", "cannot be the node itself");
        });
        p.throwIfAny();

        NodeId id = spec.id().orElseGet(() -> new NodeId(ids.newId()));
        Node node = new Node(id, owner, spec.aeTitle(), spec.host(), spec.port(), spec.tls(), spec.allowedSenders(),
                spec.outOfHours(), spec.receivesDefault());
        nodes.put(node);
        auditor.record(StaffAccess.party(admin), spec.id().isPresent() ? "directory.node.update"
                : "directory.node.create", Outcome.SUCCESS, client, "node=" + id + " ae=" + node.aeTitle()
                + " host=" + node.host() + ":" + node.port() + " senders=" + node.allowedSenders().size()
                + " outOfHours=" + node.outOfHours().map(NodeId::value).orElse("-"));
        return node;
    }

    /** The nodes {@code owner} has, for its administrators. */
    public List<Node> owned(UserId adminId, InstitutionId owner) {
        access.requireAdministratorOf(adminId, owner);
        return nodes.owned(owner);
    }

    public Node find(NodeId id) {
        return nodes.find(id).orElseThrow(() -> new NotFoundException("Node " + id));
    }

    // PS3.5 AE: up to 16 characters of the default repertoire, no backslash, not only spaces.
    static void aeTitle(Problems p, String ae) {
        if (ae == null || ae.isEmpty()) {
            p.add("aeTitle", "is required");
            return;
        }
        boolean repertoire = ae.chars().allMatch(c -> c >= 0x20 && c <= 0x7E && c != '\\');
        p.check(ae.length() <= 16, "aeTitle", "must be at most 16 characters");
        p.check(repertoire, "aeTitle", "may only use printable ASCII characters other than backslash");
        p.check(!ae.isBlank(), "aeTitle", "cannot be only spaces");
    }
}
