/**
 * Jazzer fuzz targets for the parsers. Under {@code mvn verify} each target runs in regression mode over its
 * checked-in inputs ({@code src/test/resources/org/iep/dicom/fuzz/<Class>Inputs/<method>/}): the seeds, the hostile
 * cases and every input a fuzzing run found. The property: nothing but the module's typed {@code DicomException}
 * escapes, and nothing runs out of memory under the capped heap of the {@code fuzz-regression} execution.
 * To fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw -o -pl iep-dicom test -Dtest=Part10ReaderFuzzTest}; copy the
 * interesting inputs Jazzer reports into the inputs directory.
 */
package org.iep.dicom.fuzz;
