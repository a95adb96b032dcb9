/** DICOM network benchmarks that run IEP and a dcmtk peer on the same data in one run and print the ratio. */
package org.iep.bench.dicomnet;
