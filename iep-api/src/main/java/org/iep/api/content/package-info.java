/** Content held by transactions: the index of stored DICOM instances. */
package org.iep.api.content;
