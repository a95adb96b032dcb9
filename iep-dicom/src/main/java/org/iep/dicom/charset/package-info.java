/**
 * Specific Character Set (0008,0005) support: decoding value bytes to strings and encoding strings
 * to value bytes, including ISO 2022 code extensions for Japanese, Korean and Chinese (PS3.5 §6.1).
 * Everything here is immutable and thread-safe; nothing is nullable unless documented.
 */
package org.iep.dicom.charset;
