/** The portal's background scheduling of the core's periodic jobs. */
package org.iep.app.work;
