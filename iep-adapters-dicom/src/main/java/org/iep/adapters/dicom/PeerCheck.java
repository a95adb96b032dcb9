package org.iep.adapters.dicom;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.transaction.Party;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.dicom.net.dimse.Uids;

/** Which configured node an association comes from: calling AE title and address both match, or none. */
final class PeerCheck {
    static final Party LISTENER = new Party.System("dicom");

    private final List<Node> peers;
    private final Auditor auditor;

    PeerCheck(List<Node> peers, Auditor auditor) {
        this.peers = peers;
        this.auditor = auditor;
    }

    /** For negotiation: an unknown peer is audited here, and the server answers A-ASSOCIATE-RJ. */
    boolean allowed(String callingAe, String ip) {
        if (find(callingAe, ip).isPresent()) {
            return true;
        }
        auditor.record(LISTENER, "dicom.associate", Outcome.DENIED, new ClientInfo(ip),
                "unknown calling AE '" + Uids.printable(callingAe) + "'");
        return false;
    }

    Optional<Node> find(String callingAe, String ip) {
        return peers.stream().filter(n -> n.aeTitle().equals(callingAe) && hasAddress(n, ip)).findFirst();
    }

    private static boolean hasAddress(Node n, String ip) {
        try {
            for (InetAddress a : InetAddress.getAllByName(n.host())) {
                if (a.getHostAddress().equals(ip)) {
                    return true;
                }
            }
            return false;
        } catch (UnknownHostException e) {
            return false; // a node whose name does not resolve cannot be matched, so it is not let in
        }
    }
}
