/**
 * Reports attached to studies: PDF or text from a RIS (HL7 ORU) or pasted by a user, typed by content, kept
 * durably until retention ends so that a report received before its study is attached when the study arrives,
 * and attached to every transaction that holds the study. Idempotent by the caller's message key.
 */
package org.iep.core.report;
