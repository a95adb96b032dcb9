/**
 * DIMSE-C (PS3.7): command sets ({@link org.iep.dicom.net.dimse.CommandSet}, implicit VR little endian group
 * 0000 with its group length), the SCU operations ({@link org.iep.dicom.net.dimse.DimseClient}) and the SCP
 * ({@link org.iep.dicom.net.dimse.DicomServer}) with its handlers. A received C-STORE data set streams to a
 * {@link org.iep.dicom.net.dimse.StoreHandler}; nothing is named after a peer-supplied UID.
 */
package org.iep.dicom.net.dimse;
