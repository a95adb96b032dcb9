/** Package streaming against {@code cat} of the same stored files, time to first byte and heap use. */
package org.iep.bench.packaging;
