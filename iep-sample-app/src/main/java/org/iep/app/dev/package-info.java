/** Embedded stand-ins used only when no real gateway is configured: the dev mailbox for e-mail and SMS. */
package org.iep.app.dev;
