package org.iep.core.ingest;

/**
 * Named points of an ingest, for fault-injection tests that stop the process there (the crash test halts the JVM
 * at each in turn). Production uses {@link #NONE}.
 */
@FunctionalInterface
public interface Checkpoints {
    Checkpoints NONE = step -> { };

    /** Called when the ingest reaches {@code step}: one of {@link Ingest#STEPS}. */
    void reached(String step);
}
