package org.iep.bench.core;

import java.util.concurrent.TimeUnit;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.ClientInfo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Creating a transfer to an individual through the whole service: validation of every field, tracking number,
 * one atomic commit, audit record, listeners. In-memory stores, so this is the core's own cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TransactionCreationBenchmark {
    private CoreWorld world;
    private int n;

    // a fresh world per iteration keeps the in-memory stores (and their scans) from growing without bound
    @Setup(Level.Iteration)
    public void setUp() {
        world = new CoreWorld();
    }

    @Benchmark
    public Transaction createTransfer() {
        return world.core.transactions().createTransfer(world.transferToPatient(n++), ClientInfo.INTERNAL);
    }
}
