/**
 * Reports received for studies (from a RIS over HL7 v2, or pasted by a user): the durable record kept until the
 * report's retention ends, so a report that arrives before its study is attached when the study arrives, and
 * messages refused as malformed or unknown, kept raw for review.
 */
package org.iep.api.report;
