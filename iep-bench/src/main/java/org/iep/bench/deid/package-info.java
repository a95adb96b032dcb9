/** De-identification throughput against a plain copy of the same files. */
package org.iep.bench.deid;
