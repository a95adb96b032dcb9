package org.iep.core.packaging;

import java.util.List;
import org.iep.dicom.data.Attributes;

/**
 * What the DICOMDIR needs of one packaged instance: its file ID components under the package root (e.g.
 * {@code DICOM, ST000001, SE000001, IM000001}) and the header attributes its records copy.
 */
public record DirInput(List<String> fileId, Attributes header, String transferSyntaxUid) {
}
