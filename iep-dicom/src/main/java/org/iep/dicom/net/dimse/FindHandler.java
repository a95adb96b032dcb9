package org.iep.dicom.net.dimse;

import java.util.Iterator;
import org.iep.dicom.data.Attributes;

/** Answers C-FIND requests: each returned identifier is sent as a pending response. */
@FunctionalInterface
public interface FindHandler {
    Iterator<Attributes> find(String sopClass, Attributes keys);
}
