/** The {@code MailSender} port on SMTP with Jakarta Mail (Eclipse Angus). */
package org.iep.adapters.smtp;
