/** Demo data for the embedded defaults: seeded only into an empty database. */
package org.iep.app.demo;
