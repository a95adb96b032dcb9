package org.iep.core.packaging;

import java.io.OutputStream;
import java.util.List;

/** Writes the package's DICOMDIR for the instances laid out under the package root. */
@FunctionalInterface
public interface DicomdirWriter {
    void write(List<DirInput> instances, OutputStream out) throws java.io.IOException;
}
