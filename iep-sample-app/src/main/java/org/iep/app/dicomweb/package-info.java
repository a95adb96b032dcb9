/**
 * DICOMweb for the viewer and for integrators, per transaction: {@code /dicomweb/t/<transaction>/…} with QIDO-RS
 * (studies, series, instances), WADO-RS (study, series, instance retrieval as multipart/related application/dicom;
 * series metadata as DICOM JSON) and WADO-URI for single files. Callers are individuals by their session cookie
 * (the VIEW right) or institutions by API key (staff of the sending or receiving institution); the core decides.
 */
package org.iep.app.dicomweb;
