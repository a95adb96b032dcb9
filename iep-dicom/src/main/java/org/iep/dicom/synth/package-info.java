/**
 * Synthetic DICOM studies for tests and benchmarks of every module: CT-like series of N slices of R × C 16-bit
 * pixels (valid CT Image IOD attributes, so {@code dciodvfy} reports no errors), many small instances spread over
 * patients, studies and series, and multi-frame images of any size up to the 4 GiB a Pixel Data length allows.
 *
 * <p>Everything is a pure function of the seed: the same {@link org.iep.dicom.synth.StudySpec} gives byte-identical
 * files, with patient, study, series and instance UIDs under {@code 2.25.} drawn from a seeded random. Pixel data is
 * computed row by row while it is written, so a 2 GB file needs no heap to speak of. Files are Part 10, explicit VR
 * little endian, with a zeroed preamble, and are laid out under ISO 9660 file IDs ({@code PAT00001/STU00001/...}) so
 * that a DICOMDIR can reference them as they are.
 *
 * <p>Nullness: nothing here returns or accepts null. All types are immutable and thread-safe.
 */
package org.iep.dicom.synth;
