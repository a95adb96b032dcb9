/**
 * The command-line tool {@link org.iep.dicom.tool.DicomTool} with its subcommands
 * ({@link org.iep.dicom.tool.Command}), and {@link org.iep.dicom.tool.DumpFormatter}, the
 * dcmdump-like text rendering of data sets. Everything here is stateless or immutable and
 * thread-safe; non-null unless documented "nullable".
 */
package org.iep.dicom.tool;
