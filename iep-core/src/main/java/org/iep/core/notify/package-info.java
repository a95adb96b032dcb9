/**
 * Notifications: the event model ({@link org.iep.core.notify.Notification},
 * {@link org.iep.core.notify.NotificationKind}), templates per language ({@link org.iep.core.notify.Templates}: UK English and Swedish, English otherwise), and the
 * durable outbox ({@link org.iep.core.notify.Outbox}, {@link org.iep.core.notify.OutboxWorker}) that sends them
 * through the {@code MailSender} and {@code SmsSender} ports with retries. Secrets (links, passcodes) wait in the
 * queue sealed and never reach a log. Nothing here accepts null; every public class is immutable or thread-safe.
 */
package org.iep.core.notify;
