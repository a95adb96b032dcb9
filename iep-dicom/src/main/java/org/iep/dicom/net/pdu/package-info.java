/**
 * PS3.8 Protocol Data Units as records ({@link org.iep.dicom.net.pdu.Pdu}) and their codec
 * ({@link org.iep.dicom.net.pdu.PduCodec}). Decoding is strict: a length that runs past its container, an
 * unknown PDU type or a PDU longer than the negotiated maximum is a {@link org.iep.dicom.DicomNetException}
 * whose code maps to an A-ABORT reason.
 */
package org.iep.dicom.net.pdu;
