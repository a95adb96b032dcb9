/**
 * In-memory implementations of every port, for the core's unit tests and for users' own tests. They pass the same
 * contract suites as the production adapters. All classes are thread-safe; none is durable.
 */
package org.iep.testkit.memory;
