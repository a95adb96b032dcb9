package org.iep.adapters.dicom;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.iep.api.Problem;
import org.iep.api.directory.NodeId;

/**
 * The DICOM adapter's settings.
 *
 * @param aeTitle          our AE title: the calling AE of our requests and the C-MOVE destination of retrieves
 * @param connectMillis    how long to wait for a node to accept a connection
 * @param idleMillis       how long to wait for a node's next PDU (a C-MOVE may be slow: pending responses reset it)
 * @param maxPdu           the maximum PDU length we receive and send
 * @param retrieveByCGet   nodes retrieved from by C-GET instead of C-MOVE
 * @param tls              key and trust material for the nodes marked TLS; without it such a node is refused
 *                         rather than reached in clear
 * @param storageCommitment destination nodes, by AE title, asked for storage commitment after a delivery's
 *                         C-STOREs, each with how long to wait for the report (1 s to 1 h); absent: not asked
 */
public record DicomAdapterConfig(String aeTitle, int connectMillis, int idleMillis, int maxPdu,
        Set<NodeId> retrieveByCGet, Optional<DicomTlsConfig> tls, Map<String, Duration> storageCommitment) {

    /** Without storage commitment. */
    public DicomAdapterConfig(String aeTitle, int connectMillis, int idleMillis, int maxPdu,
                              Set<NodeId> retrieveByCGet, Optional<DicomTlsConfig> tls) {
        this(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet, tls, Map.of());
    }

    /** Without TLS material. */
    public DicomAdapterConfig(String aeTitle, int connectMillis, int idleMillis, int maxPdu,
                              Set<NodeId> retrieveByCGet) {
        this(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet, Optional.empty());
    }

    public DicomAdapterConfig {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(retrieveByCGet, "retrieveByCGet");
        retrieveByCGet = Set.copyOf(retrieveByCGet);
        Objects.requireNonNull(storageCommitment, "storageCommitment");
        storageCommitment = Map.copyOf(storageCommitment);
        List<Problem> problems = new ArrayList<>();
        storageCommitment.forEach((ae, wait) -> {
            if (!AeTitles.valid(ae)) {
                problems.add(new Problem("iep.dicom.storageCommitment", "'" + ae + "' is not an AE title"));
            }
            if (wait.compareTo(Duration.ofSeconds(1)) < 0 || wait.compareTo(Duration.ofHours(1)) > 0) {
                problems.add(new Problem("iep.dicom.storageCommitment." + ae, "the wait must be between 1 s and 1 h"));
            }
        });
        if (!AeTitles.valid(aeTitle)) {
            problems.add(new Problem("iep.dicom.aeTitle", "must be 1-16 characters of the default repertoire,"
                    + " no backslash or control character, not all spaces"));
        }
        if (connectMillis < 100 || connectMillis > 300_000) {
            problems.add(new Problem("iep.dicom.connectMillis", "must be between 100 and 300000"));
        }
        if (idleMillis < 100 || idleMillis > 3_600_000) {
            problems.add(new Problem("iep.dicom.idleMillis", "must be between 100 and 3600000"));
        }
        if (maxPdu < 4096 || maxPdu > 1 << 24) {
            problems.add(new Problem("iep.dicom.maxPdu", "must be between 4096 and 16777216"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidDicomInputException(DicomAdapterErrorCode.INVALID_CONFIGURATION, problems);
        }
    }

    /** Our AE title with the timeouts and PDU length dcmtk's tools use by default. */
    public static DicomAdapterConfig of(String aeTitle) {
        return new DicomAdapterConfig(aeTitle, 10_000, 60_000, 16_384, Set.of());
    }

    public DicomAdapterConfig withRetrieveByCGet(Set<NodeId> nodes) {
        return new DicomAdapterConfig(aeTitle, connectMillis, idleMillis, maxPdu, nodes, tls, storageCommitment);
    }

    public DicomAdapterConfig withTls(DicomTlsConfig material) {
        return new DicomAdapterConfig(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet,
                Optional.of(material), storageCommitment);
    }

    /** Asks the node with this AE title for storage commitment after each delivery, waiting at most {@code wait}. */
    public DicomAdapterConfig withStorageCommitment(String nodeAeTitle, Duration wait) {
        Map<String, Duration> m = new HashMap<>(storageCommitment);
        m.put(nodeAeTitle, wait);
        return new DicomAdapterConfig(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet, tls, m);
    }

    /** How long to wait for the node's storage commitment report; empty when it is not asked. */
    public Optional<Duration> commitmentWait(String nodeAeTitle) {
        return Optional.ofNullable(storageCommitment.get(nodeAeTitle));
    }
}
