/** iep-dicom benchmarks: header parsing of CT slices and DICOMDIR writing and reading for thousands of files. */
package org.iep.bench.dicom;
