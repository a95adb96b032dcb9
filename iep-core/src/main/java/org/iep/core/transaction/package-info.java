/**
 * Transactions: creation of transfers and requests with their mandatory fields, answers, declines, cancellation,
 * message threads, the status table, tracking numbers, priorities and the release delay. Every change is
 * atomic and audited.
 */
package org.iep.core.transaction;
