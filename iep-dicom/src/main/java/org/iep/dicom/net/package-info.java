/**
 * DICOM networking: the Upper Layer (PS3.8) association over TCP or TLS, and DIMSE-C (PS3.7) services as SCU
 * and SCP. Subpackages: {@code pdu} (PDU records and their strict codec), {@code dimse} (command sets and the
 * C-ECHO/STORE/FIND/MOVE/GET services). Peers are untrusted: every length is checked against a cap before
 * anything is allocated, and a protocol error aborts the association with a typed
 * {@link org.iep.dicom.DicomNetException}.
 */
package org.iep.dicom.net;
