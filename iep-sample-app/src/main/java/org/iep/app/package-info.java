/** The reference portal: start-up, wiring and shutdown of iep-core with its adapters on embedded defaults. */
package org.iep.app;
