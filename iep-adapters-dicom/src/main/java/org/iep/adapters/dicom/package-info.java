/**
 * The DICOM network adapter: {@link org.iep.adapters.dicom.DimseDicomGateway} implements the {@code DicomGateway}
 * port over iep-dicom's DIMSE client. DICOM statuses and iep-dicom's network errors are translated here, once, into
 * {@link org.iep.adapters.dicom.DicomGatewayException}; no iep-dicom type crosses the port.
 */
package org.iep.adapters.dicom;
