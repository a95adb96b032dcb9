/** Recipients of transactions: institutions on IEP, companies and individuals. Immutable; thread-safe. */
package org.iep.api.recipient;
