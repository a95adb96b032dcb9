/**
 * Reading a transaction's stored images for viewers and integrators (DICOMweb): every way in starts with the
 * core's access check — an individual's VIEW right inside the view window, or staff of an institution involved —
 * and yields an {@link org.iep.core.viewing.ImageSet} limited to that one transaction.
 */
package org.iep.core.viewing;
