/** Input validation that reports every problem at once, before any side effect. */
package org.iep.core.validation;
