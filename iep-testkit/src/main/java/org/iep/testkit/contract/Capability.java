package org.iep.testkit.contract;

/**
 * Optional abilities an adapter declares so a suite runs the tests that need them (STYLE #16). A suite skips a
 * test whose capability its adapter does not declare; it never inspects the adapter's class.
 */
public enum Capability {
    /**
     * Puts stream in constant memory, so blobs far larger than any sensible buffer round-trip. Every production
     * blob store has it; the in-memory one, which keeps blobs on the heap, does not.
     */
    STREAMING,
    /**
     * A second instance on the same backing storage (the suite's {@code reopen()}) sees what the first one stored,
     * as after a restart or on another node.
     */
    DURABLE
}
