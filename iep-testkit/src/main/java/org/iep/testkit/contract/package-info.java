/**
 * One abstract JUnit 5 contract suite per port (STYLE #14). An adapter's test extends the suite and implements its
 * factory method, which must return a new, empty store on every call (it is called before each test). A suite
 * tests exactly what the port's Javadoc promises: round trips, ordering, duplicates, optimistic versions,
 * atomicity and behaviour under concurrent callers. Features an adapter may lack are declared
 * {@link org.iep.testkit.contract.Capability capabilities} and skipped with {@code assumeTrue} (STYLE #16):
 *
 * <pre>{@code
 * class JdbcJobQueueContractTest extends JobQueueContract {
 *     protected JobQueue newQueue() { return new JdbcJobQueue(freshDatabase()); }
 *     protected Set<Capability> capabilities() { return Set.of(Capability.DURABLE); }
 *     protected JobQueue reopen() { return new JdbcJobQueue(sameDatabase()); }
 * }
 * }</pre>
 *
 * <p>Data use fixed instants at whole seconds, so stores with microsecond precision round-trip them exactly.
 * Concurrency tests release all threads at once through a start gate and always shut their pools down; they
 * assert outcomes, never durations. Nothing here is null unless its type is {@code Optional}. The suites are not
 * thread-safe themselves; JUnit creates one instance per test.
 */
package org.iep.testkit.contract;
