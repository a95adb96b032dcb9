/** The configurable rules and numbers of the workflow, with DESIGN.md's defaults and safe bounds. */
package org.iep.core.policy;
