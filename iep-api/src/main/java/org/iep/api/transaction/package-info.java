/**
 * Transactions: transfers, requests, forwards and direct routings, with their studies, attachments, message
 * threads, priorities and statuses. Immutable records; thread-safe.
 */
package org.iep.api.transaction;
