/**
 * The portal's DICOM side: the SCP for pushes and retrieves, deliveries to nodes through the core's outbound
 * lanes, and direct routes resolved from the configuration's institution codes and AE titles.
 */
package org.iep.app.dicom;
