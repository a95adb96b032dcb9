/**
 * Test support shipped to users of IEP: a controllable {@link org.iep.testkit.TestClock}, {@link
 * org.iep.testkit.FreePorts} for the peers a test starts, ready-made fixtures
 * ({@code fixtures}), in-memory adapters of every port ({@code memory}) and one contract suite per port
 * ({@code contract}). Nothing here is null unless its type is {@code Optional}; each class states its
 * thread-safety.
 */
package org.iep.testkit;
