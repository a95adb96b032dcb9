package org.iep.adapters.dicom;

import java.util.ArrayList;
import java.util.List;
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
 */
public record DicomAdapterConfig(String aeTitle, int connectMillis, int idleMillis, int maxPdu,
        Set<NodeId> retrieveByCGet, Optional<DicomTlsConfig> tls) {

    /** Without TLS material. */
    public DicomAdapterConfig(String aeTitle, int connectMillis, int idleMillis, int maxPdu,
                              Set<NodeId> retrieveByCGet) {
        this(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet, Optional.empty());
    }

    public DicomAdapterConfig {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(retrieveByCGet, "retrieveByCGet");
        retrieveByCGet = Set.copyOf(retrieveByCGet);
        List<Problem> problems = new ArrayList<>();
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
        return new DicomAdapterConfig(aeTitle, connectMillis, idleMillis, maxPdu, nodes, tls);
    }

    public DicomAdapterConfig withTls(DicomTlsConfig material) {
        return new DicomAdapterConfig(aeTitle, connectMillis, idleMillis, maxPdu, retrieveByCGet,
                Optional.of(material));
    }
}
