package org.iep.bench.core;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.iep.api.access.AccessGrant;
import org.iep.api.access.PasscodeCheck;
import org.iep.api.access.PasscodeState;
import org.iep.api.access.SecretHash;
import org.iep.core.audit.ClientInfo;
import org.iep.core.secret.SecretHasher;
import org.iep.testkit.memory.FixedKeyProvider;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Verifying a passcode through {@code PasscodeVerifier}: look the grant up by the token's HMAC, check lock and
 * expiry, HMAC the code and compare in constant time, compare-and-set the grant, open a session, audit. Before
 * each call the grant gets a fresh code in force (as a link click would give it), so every call is a success.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PasscodeVerificationBenchmark {
    private static final String CODE = "482913";
    private CoreWorld world;
    private String token;
    private AccessGrant grant;
    private SecretHash codeHash;

    @Setup(Level.Iteration)
    public void setUp() {
        world = new CoreWorld();
        grant = world.access.forTransaction(world.availableTransfer().id()).get(0);
        token = world.mailedToken();
        // the same keyed hash the core stores for a code it issued
        codeHash = new SecretHasher(new FixedKeyProvider("bench")).hash(grant.id().value(), CODE);
    }

    @Setup(Level.Invocation)
    public void freshCode() {
        AccessGrant g = world.access.find(grant.id()).orElseThrow();
        Instant now = world.clock.instant();
        world.access.update(g.withPasscode(new PasscodeState(Optional.of(codeHash), now, 5, 0, Optional.empty(),
                List.of())));
    }

    private PasscodeCheck last;

    @Benchmark
    public PasscodeCheck verifyRightCode() {
        last = world.core.passcodes().verify(token, CODE, ClientInfo.INTERNAL);
        return last;
    }

    // a benchmark of refusals would measure the wrong path: make sure every call was a success
    @TearDown(Level.Iteration)
    public void checkAccepted() {
        if (!(last instanceof PasscodeCheck.Accepted)) {
            throw new IllegalStateException("the benchmark measured a refusal: " + last);
        }
    }
}
