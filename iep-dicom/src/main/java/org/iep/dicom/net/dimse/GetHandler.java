package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.iep.dicom.data.Attributes;

/**
 * Answers C-GET requests (and, through {@link MoveHandler}, C-MOVE): the Part 10 files to send for an
 * identifier. Each file is sent in its own transfer syntax, streamed from disk one at a time; the list holds
 * paths only, never data.
 */
@FunctionalInterface
public interface GetHandler {
    /**
     * @param sopClass the query/retrieve information model (patient or study root)
     * @param keys the identifier as received (Query/Retrieve Level and unique keys)
     * @return the files to send, possibly empty
     * @throws IOException when the matches cannot be computed (answered "out of resources")
     */
    List<Path> instances(String sopClass, Attributes keys) throws IOException;
}
