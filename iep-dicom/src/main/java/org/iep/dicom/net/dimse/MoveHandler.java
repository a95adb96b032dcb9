package org.iep.dicom.net.dimse;

import java.util.Objects;
import java.util.function.Function;

/** Answers C-MOVE requests: the files to send ({@link GetHandler}) and where a destination AE title lives. */
public interface MoveHandler extends GetHandler {

    /** The host and port of a move destination AE title, or null when unknown (answered with status A801). */
    Destination destination(String aeTitle);

    /** Where sub-operations for a destination AE title go. */
    record Destination(String host, int port) {
        public Destination {
            Objects.requireNonNull(host);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A move handler from a get handler and a destination lookup. */
    static MoveHandler of(GetHandler instances, Function<String, Destination> destinations) {
        return new MoveHandler() {
            @Override
            public java.util.List<java.nio.file.Path> instances(String sopClass, org.iep.dicom.data.Attributes keys)
                    throws java.io.IOException {
                return instances.instances(sopClass, keys);
            }

            @Override
            public Destination destination(String aeTitle) {
                return destinations.apply(aeTitle);
            }
        };
    }
}
