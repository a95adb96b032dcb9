package org.iep.api.spi;

import java.util.function.Supplier;

/**
 * Several port calls that commit together or not at all, where the adapters share a database: what the calling
 * thread does through them inside {@link #inOne} is one database transaction, committed when the work returns and
 * rolled back when it throws. It exists for the hot path of ingest (an instance's index row, its study's counts and
 * its audit record: one commit instead of three), and it makes those all-or-nothing too.
 *
 * <p>Contract: the work runs on the calling thread, exactly once; its result is returned after the commit and its
 * exception rethrown unchanged after the rollback. A port call inside the work that fails rolls back its own part
 * only, so the work may catch it and go on (as optimistic retries do). Nested calls join the outer unit. Adapters
 * that do not take part (in-memory ones, a blob store) simply commit each call on its own, which is {@link #NONE}.
 * Keep units short: rows they write stay locked until the commit.
 */
public interface UnitOfWork {
    /** No shared transactions: every port call commits on its own. */
    UnitOfWork NONE = new UnitOfWork() {
        @Override
        public <T> T inOne(String action, Supplier<T> work) {
            return work.get();
        }
    };

    /** Runs {@code work} as one unit; {@code action} names it in error messages. */
    <T> T inOne(String action, Supplier<T> work);
}
