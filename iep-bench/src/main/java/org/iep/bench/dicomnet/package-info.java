/**
 * DICOM network benchmarks: {@link org.iep.bench.dicomnet.EgressVsStorescu} runs IEP and a dcmtk peer on the same
 * data in one run and prints the ratio; {@link org.iep.bench.dicomnet.IngestScp} is IEP's receiver as a peer of
 * {@code ../shared/bench/peer-ingest.sh}.
 */
package org.iep.bench.dicomnet;
