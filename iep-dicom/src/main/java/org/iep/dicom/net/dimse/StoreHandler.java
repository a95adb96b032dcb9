package org.iep.dicom.net.dimse;

import java.io.IOException;
import java.io.InputStream;

/**
 * Receives C-STORE data sets as streams. {@link #open} is called once per instance; the returned sink gets the
 * data set (bare, in the negotiated transfer syntax, as it arrives from the network), then exactly one of
 * {@link Sink#commit()} (the stream was read to its end) or {@link Sink#discard()} (the peer dropped, aborted or
 * the data was refused): a sink must keep nothing partial.
 */
@FunctionalInterface
public interface StoreHandler {

    Sink open(StoreRequest request) throws IOException;

    /** One instance being received. */
    interface Sink {
        /** Consumes the data set stream (to its end, or until it throws). */
        void receive(InputStream dataSet) throws IOException;

        /** Makes the instance durable; returns the DIMSE status (0 for success). */
        int commit() throws IOException;

        /** Forgets everything received for this instance. Never throws. */
        void discard();
    }
}
