package org.iep.core.direct;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.audit.AuditQuery;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.ClientInfo;
import org.iep.core.delivery.DeliveryJobs;
import org.iep.core.ingest.Checkpoints;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.core.ingest.NotIngestibleException;
import org.iep.core.ingest.TestInstances;
import org.iep.core.testsupport.World;
import org.iep.testkit.memory.InMemoryInstanceIndex;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.junit.jupiter.api.Test;

class DirectRoutingTest {
    private static final IngestSource PUSH = new IngestSource(new Party.System("dicom listener"),
            new ClientInfo("10.1.2.3"), "STEEPACS");
    private static final String P2 = "1.2.826.0.1.3680043.2.1125.9";

    private final InMemoryJobQueue deliveries = new InMemoryJobQueue();
    private final World world = new World(List.of(new DeliveryJobs(deliveries, Clock.systemUTC())));
    private final InMemoryInstanceIndex index = new InMemoryInstanceIndex();
    private final Ingest ingest = new Ingest(world.store, world.directoryStore, index, world.blobs,
            world.transactions, world.auditor, world.ids, world.clock, Checkpoints.NONE);
    private final DirectRoute toLeic = new DirectRoute("TO_LEIC", world.stee.id(), world.leic.id(),
            Optional.of(world.leicPacs.id()), Priority.NORMAL);
    private final DirectRouting routing = routing();

    private DirectRouting routing() {
        return new DirectRouting(List.of(toLeic), world.transactions, world.store, world.directoryStore,
                world.nodeStore, ingest, world.auditor, world.clock, DirectRouting.DEFAULT_STABLE_AGE);
    }

    private IngestResult push(DirectRouting r, String calledAe, byte[] part10) {
        return r.receive(calledAe, world.steePacs, new ByteArrayInputStream(part10), PUSH);
    }

    private List<Transaction> directs() {
        return world.store.query(new TransactionQuery(Optional.empty(), java.util.Set.of(),
                java.util.Set.of(TransactionType.DIRECT_ROUTING), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 100));
    }

    @Test
    void eachPatientPushedGetsOneTransactionToTheRoutesNode() {
        push(routing, "TO_LEIC", TestInstances.ct("1.2.3.1", 1));
        push(routing, "TO_LEIC", TestInstances.ct("X999", "SMITH^JOHN", "19800101", P2, "1.2.3.2", 2));
        push(routing, "TO_LEIC ", TestInstances.ct("1.2.3.3", 3));

        List<Transaction> made = directs();
        assertThat(made).hasSize(2).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TransactionStatus.UPLOADING);
            assertThat(t.origin()).isEqualTo(world.stee.id());
            assertThat(t.destination()).contains(world.leicPacs.id());
            assertThat(t.sender()).isEqualTo(new Party.System("dicom node " + world.steePacs.id().value()));
        });
        Transaction jones = made.stream().filter(t -> t.patient().identifier().id().equals("S123456")).findFirst()
                .orElseThrow();
        assertThat(jones.patient().familyName()).isEqualTo("JONES");
        assertThat(jones.patient().birthDate()).hasToString("1970-05-17");
        assertThat(jones.studies()).singleElement().satisfies(s -> assertThat(s.receivedInstances()).isEqualTo(2));
        assertThat(index.byTransaction(jones.id())).hasSize(2);
        // nothing is delivered before the study is stable
        assertThat(deliveries.find(DeliveryJobs.jobId(jones))).isEmpty();
    }

    @Test
    void aStableStudyGoesOnToItsNodeAndIsQueuedForDelivery() {
        push(routing, "TO_LEIC", TestInstances.ct("1.2.3.1", 1));
        world.clock.advance(Duration.ofSeconds(59));
        push(routing, "TO_LEIC", TestInstances.ct("1.2.3.2", 2));
        world.clock.advance(Duration.ofSeconds(59));
        assertThat(routing.closeStable(world.clock.instant())).isZero();

        world.clock.advance(Duration.ofSeconds(2));
        assertThat(routing.closeStable(world.clock.instant())).isEqualTo(1);

        Transaction t = directs().get(0);
        assertThat(t.status()).isEqualTo(TransactionStatus.DOWNLOAD_REQUEST);
        assertThat(deliveries.find(DeliveryJobs.jobId(t))).isPresent();
        // a later push of the same patient opens a new transaction instead of reopening a sent one
        push(routing, "TO_LEIC", TestInstances.ct("1.2.3.3", 3));
        assertThat(directs()).hasSize(2);
    }

    @Test
    void anOpenTransactionIsTakenUpAgainAfterARestart() {
        push(routing, "TO_LEIC", TestInstances.ct("1.2.3.1", 1));
        push(routing(), "TO_LEIC", TestInstances.ct("1.2.3.2", 2));

        assertThat(directs()).singleElement().satisfies(t -> assertThat(t.studies().get(0).receivedInstances())
                .isEqualTo(2));
    }

    @Test
    void anUnknownCalledAeOrAnotherInstitutionsNodeIsRefusedAuditedAndStoresNothing() {
        assertThatThrownBy(() -> push(routing, "NOWHERE", TestInstances.ct("1.2.3.1", 1)))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DIRECT_ROUTE_REFUSED));
        assertThatThrownBy(() -> routing.receive("TO_LEIC", world.leicPacs,
                new ByteArrayInputStream(TestInstances.ct("1.2.3.1", 1)), PUSH))
                .isInstanceOf(AccessDeniedException.class);

        assertThat(directs()).isEmpty();
        assertThat(world.blobs.list(Ingest.TRANSACTIONS)).isEmpty();
        assertThat(world.audit.query(AuditQuery.all(100))).filteredOn(r -> r.event().action().equals("dicom.direct"))
                .hasSize(2).allSatisfy(r -> assertThat(r.event().outcome()).isEqualTo(Outcome.DENIED));
    }

    @Test
    void anInstanceWithoutPatientIdentityIsRefusedBeforeAnyTransactionExists() {
        assertThatThrownBy(() -> push(routing, "TO_LEIC", TestInstances.ct("", "", "", TestInstances.STUDY,
                "1.2.3.1", 1))).isInstanceOfSatisfying(NotIngestibleException.class,
                        e -> assertThat(e.problems()).extracting(p -> p.field())
                                .containsExactly("PatientID", "PatientName", "PatientBirthDate"));
        assertThatThrownBy(() -> push(routing, "TO_LEIC", new byte[] {1, 2, 3}))
                .isInstanceOf(NotIngestibleException.class);

        assertThat(directs()).isEmpty();
    }

    @Test
    void aTransactionThatReceivedNothingFailsWhenStable() {
        // the patient is readable, so the transaction opens; the instance itself has no SOP Instance UID
        assertThatThrownBy(() -> push(routing, "TO_LEIC", TestInstances.ct("S123456", "JONES^MARY", "19700517",
                TestInstances.STUDY, "", 1))).isInstanceOf(NotIngestibleException.class);
        world.clock.advance(Duration.ofMinutes(2));

        routing.closeStable(world.clock.instant());

        assertThat(directs()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(TransactionStatus.FAILED);
            assertThat(deliveries.find(DeliveryJobs.jobId(t))).isEmpty();
        });
    }

    @Test
    void everyProblemOfEveryRouteIsListedAtOnce() {
        List<DirectRoute> bad = List.of(
                new DirectRoute("BAD\\AE", world.stee.id(), world.leic.id(), Optional.empty(), Priority.NORMAL),
                new DirectRoute("TWICE", new InstitutionId("nope"), world.leic.id(), Optional.empty(),
                        Priority.NORMAL),
                new DirectRoute("TWICE", world.stee.id(), world.leic.id(), Optional.of(world.steePacs.id()),
                        Priority.NORMAL),
                new DirectRoute("GHOST", world.stee.id(), world.leic.id(), Optional.of(new NodeId("ghost")),
                        Priority.NORMAL));

        assertThatThrownBy(() -> new DirectRouting(bad, world.transactions, world.store, world.directoryStore,
                world.nodeStore, ingest, world.auditor, world.clock, Duration.ofSeconds(60)))
                .isInstanceOfSatisfying(InvalidDirectRouteException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(CoreErrorCode.DIRECT_ROUTE_INVALID);
                    assertThat(e.problems()).extracting(p -> p.message()).anyMatch(m -> m.contains("backslash"))
                            .anyMatch(m -> m.contains("given twice")).anyMatch(m -> m.contains("nope"))
                            .anyMatch(m -> m.contains("not a node of the recipient"))
                            .anyMatch(m -> m.contains("ghost"));
                });
    }
}
