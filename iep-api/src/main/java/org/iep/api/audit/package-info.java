/**
 * The audit trail: events, hash-chained records and queries. {@link org.iep.api.audit.AuditChain} defines the
 * chain every store uses. Immutable; thread-safe.
 */
package org.iep.api.audit;
