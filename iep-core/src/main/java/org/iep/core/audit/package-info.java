/**
 * The audit trail in the core: recording every action ({@link org.iep.core.audit.Auditor}), searching it,
 * verifying its hash chain, and statistics over transactions.
 */
package org.iep.core.audit;
