package org.iep.api.spi;

import java.util.List;
import org.iep.api.directory.Node;

/**
 * DICOM traffic with remote nodes (PACS, modalities). Thread-safe. Failures of the network or a refusing peer throw
 * {@code InfrastructureException}; partial results are reported in {@link TransferOutcome}.
 */
public interface DicomGateway {

    /** C-ECHO; throws when the node does not answer with success. */
    void echo(Node node);

    /** C-FIND at study level. */
    List<StudySummary> findStudies(Node node, StudyQuery query);

    /**
     * Retrieves a study from {@code source} into IEP (C-MOVE to our own SCP, or C-GET); the instances arrive
     * through ingest.
     */
    TransferOutcome retrieve(Node source, String studyInstanceUid);

    /** C-STORE of stored instances to {@code destination}. */
    TransferOutcome store(Node destination, List<StoredInstance> instances);
}
