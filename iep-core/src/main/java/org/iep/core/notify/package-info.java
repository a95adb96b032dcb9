/**
 * Notifications: the event model, templates per language, and the durable outbox that sends them through the
 * {@code MailSender} and {@code SmsSender} ports with retries.
 */
package org.iep.core.notify;
