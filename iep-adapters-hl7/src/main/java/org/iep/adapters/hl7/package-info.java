/**
 * HL7 v2.5 over MLLP (optionally TLS): ORU^R01 reports from a RIS become core {@code Reports}. An ACK {@code AA}
 * is sent only after the report is durably stored; a repeated message is acknowledged without storing twice;
 * malformed or unknown messages get {@code AE}/{@code AR} with an ERR segment and are kept raw for review.
 * Frames are bounded in size and time, connections in number; anything a sender does gets an answer or a close.
 */
package org.iep.adapters.hl7;
