package org.iep.core.direct;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.iep.api.AccessDeniedException;
import org.iep.api.CoreErrorCode;
import org.iep.api.Problem;
import org.iep.api.audit.Outcome;
import org.iep.api.directory.Node;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.api.spi.TransactionQuery;
import org.iep.api.spi.TransactionStore;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionId;
import org.iep.api.transaction.TransactionStatus;
import org.iep.api.transaction.TransactionType;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestResult;
import org.iep.core.ingest.IngestSource;
import org.iep.core.ingest.NotIngestibleException;
import org.iep.core.transaction.TransactionScan;
import org.iep.core.transaction.Transactions;
import org.iep.dicom.DicomException;
import org.iep.dicom.data.Attributes;
import org.iep.dicom.data.Tags;
import org.iep.dicom.io.DicomReader;

/**
 * Receives what nodes push under the called AE titles of direct routes. Each instance goes to the open transaction
 * of its route, sending node and patient, created at the first instance; {@link #closeStable} then sends on every
 * transaction that received nothing for the stable age. Thread-safe: instances of one patient on several
 * associations land in one transaction.
 */
public final class DirectRouting {
    /** How much of an instance may be read to find its patient; beyond it the instance is refused. */
    static final int HEADER_LIMIT = 8 << 20;
    /** Orthanc's default StableAge: a study is complete when nothing arrived for this long. */
    public static final Duration DEFAULT_STABLE_AGE = Duration.ofSeconds(60);
    static final Party LISTENER = new Party.System("direct routing");
    private static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    private static final Set<TransactionStatus> OPEN = EnumSet.of(TransactionStatus.UPLOADING);

    private final Map<String, DirectRoute> routes;
    private final Transactions transactions;
    private final TransactionStore store;
    private final Ingest ingest;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration stableAge;
    private final Map<Key, TransactionId> open = new ConcurrentHashMap<>();

    /**
     * @throws InvalidDirectRouteException listing every route that names an unknown institution
     *     or node, a node that refuses the source, or a called AE title given twice or malformed
     */
    public DirectRouting(List<DirectRoute> routes, Transactions transactions, TransactionStore store,
                         DirectoryStore directory, NodeStore nodes, Ingest ingest, Auditor auditor, Clock clock,
                         Duration stableAge) {
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.store = Objects.requireNonNull(store, "store");
        this.ingest = Objects.requireNonNull(ingest, "ingest");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (stableAge.isNegative() || stableAge.isZero()) {
            throw new IllegalArgumentException("stableAge must be positive");
        }
        this.stableAge = stableAge;
        this.routes = RouteCheck.validated(routes, directory, nodes);
    }

    /** The called AE titles that are direct routes (our SCP must answer to them). */
    public Set<String> calledAeTitles() {
        return routes.keySet();
    }

    public boolean isRoute(String calledAe) {
        return routes.containsKey(calledAe.strip());
    }

    /**
     * Ingests one instance {@code sender} pushed under {@code calledAe} into the open transaction of that route,
     * node and patient, creating it at the first instance. Refusals are typed as {@link Ingest#ingest}'s, plus
     * AccessDenied (DIRECT_ROUTE_REFUSED) when the route is unknown or not the sender's institution's.
     */
    public IngestResult receive(String calledAe, Node sender, InputStream part10, IngestSource source) {
        Objects.requireNonNull(sender, "sender");
        DirectRoute route = routes.get(calledAe.strip());
        if (route == null || !route.source().equals(sender.owner())) {
            auditor.record(source.by(), "dicom.direct", Outcome.DENIED, source.client(), "called="
                    + calledAe.strip() + " node=" + sender.id().value());
            throw new AccessDeniedException(CoreErrorCode.DIRECT_ROUTE_REFUSED, "The called AE title "
                    + calledAe.strip() + " is no direct route for node " + sender.aeTitle() + ".");
        }
        BufferedInputStream in = new BufferedInputStream(part10, 64 * 1024);
        Attributes head = peek(in);
        Patient patient = patientOf(head);
        TransactionId target = transactionFor(route, sender, patient, source);
        return ingest.ingest(target, in, source);
    }

    /**
     * Sends on every direct-routing transaction that received nothing for the stable age: to ON_IEP, then to
     * DOWNLOAD_REQUEST when it has a destination node, which queues its delivery; one that received no instance at
     * all fails. Returns how many were closed. Safe to run on several nodes at once (status changes are checked).
     */
    public int closeStable(Instant now) {
        Instant before = now.minus(stableAge);
        List<Transaction> stable = new ArrayList<>();
        TransactionScan.forEach(store, new TransactionQuery(Optional.empty(), OPEN,
                Set.of(TransactionType.DIRECT_ROUTING), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 500), t -> {
                    if (!t.updated().isAfter(before)) {
                        stable.add(t);
                    }
                });
        for (Transaction t : stable) {
            open.values().remove(t.id());
            boolean received = t.studies().stream().anyMatch(s -> s.receivedInstances() > 0);
            if (!received) {
                transactions.advance(t.id(), TransactionStatus.FAILED, "no instance was accepted", LISTENER,
                        ClientInfo.INTERNAL);
                continue;
            }
            Transaction on = transactions.advance(t.id(), TransactionStatus.ON_IEP, "stable for "
                    + stableAge.toSeconds() + " s", LISTENER, ClientInfo.INTERNAL);
            if (on.destination().isPresent()) {
                transactions.advance(t.id(), TransactionStatus.DOWNLOAD_REQUEST, "direct route to a node",
                        LISTENER, ClientInfo.INTERNAL);
            }
        }
        return stable.size();
    }

    private synchronized TransactionId transactionFor(DirectRoute route, Node sender, Patient patient,
                                                      IngestSource source) {
        Key key = new Key(route.calledAe(), sender.id().value(), patient.identifier().id(),
                patient.dicomName().toUpperCase(Locale.ROOT));
        TransactionId cached = open.get(key);
        if (cached != null && store.find(cached).map(t -> OPEN.contains(t.status())).orElse(false)) {
            return cached;
        }
        // after a restart the cache is empty: an open transaction of the same route and patient is taken up again
        Optional<Transaction> reopened = store.query(new TransactionQuery(Optional.of(route.source()), OPEN,
                Set.of(TransactionType.DIRECT_ROUTING), Optional.of(patient.identifier().id()), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), 50)).stream()
                .filter(t -> t.origin().equals(route.source()) && t.sender().equals(sender(sender))
                        && t.recipient() instanceof InstitutionRecipient r && r.institution().equals(route.recipient())
                        && t.patient().dicomName().equalsIgnoreCase(patient.dicomName()))
                .findFirst();
        TransactionId id = reopened.map(Transaction::id).orElseGet(() -> transactions.createDirect(route.source(),
                new InstitutionRecipient(route.recipient(), "", route.node()), route.priority(), patient,
                sender(sender), source.client()).id());
        open.put(key, id);
        return id;
    }

    /**
     * The sender of the transactions a node's pushes open: it names the pushing node, so its audit trail, a restart
     * and a storage commitment request from that node find them.
     */
    public static Party sender(Node node) {
        return new Party.System("dicom node " + node.id().value());
    }

    private static Attributes peek(BufferedInputStream in) {
        in.mark(HEADER_LIMIT);
        Attributes head;
        try (DicomReader r = DicomReader.open(new FilterInputStream(in) {
            @Override
            public void close() {
                // the stream goes on to ingest
            }
        })) {
            head = r.readUntil(0x00110000).dataSet();
        } catch (DicomException e) {
            throw new NotIngestibleException(List.of(new Problem("content", "is not a readable DICOM instance ("
                    + e.getMessage() + ")")));
        }
        try {
            in.reset();
        } catch (IOException e) {
            throw new NotIngestibleException(List.of(new Problem("content", "has more than "
                    + (HEADER_LIMIT >> 20) + " MiB before the end of its Patient module")));
        }
        return head;
    }

    /** The patient as the sending PACS has it; a birth date is required, as the recipient reconciles by it. */
    static Patient patientOf(Attributes ds) {
        String id = ds.getString(Tags.PatientID, "").strip();
        String name = ds.getString(Tags.PatientName, "").strip();
        String birth = ds.getString(Tags.PatientBirthDate, "").strip();
        List<Problem> problems = new ArrayList<>();
        if (id.isEmpty()) {
            problems.add(new Problem("PatientID", "is required for direct routing"));
        }
        if (name.isEmpty()) {
            problems.add(new Problem("PatientName", "is required for direct routing"));
        }
        java.time.LocalDate born = null;
        try {
            born = java.time.LocalDate.parse(birth, java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(new Problem("PatientBirthDate", "must be a date (YYYYMMDD) for direct routing"));
        }
        if (!problems.isEmpty()) {
            throw new NotIngestibleException(problems);
        }
        String[] pn = name.split("=", -1)[0].split("\\^", -1);
        String issuer = ds.getString(ISSUER_OF_PATIENT_ID, "").strip();
        return new Patient(new PatientIdentifier(id, issuer), pn[0].strip(), pn.length > 1 ? pn[1].strip() : "",
                born, sex(ds.getString(Tags.PatientSex, "").strip()), Optional.empty(), PostalAddress.NONE,
                "not sent by the PACS (direct routing)");
    }

    private static Sex sex(String code) {
        for (Sex s : Sex.values()) {
            if (s.dicomCode().equals(code)) {
                return s;
            }
        }
        return Sex.UNKNOWN;
    }

    private record Key(String calledAe, String node, String patientId, String patientName) {
    }

    /** Route validation in one place: every problem of every route at once. */
    private static final class RouteCheck {
        static Map<String, DirectRoute> validated(List<DirectRoute> routes, DirectoryStore directory,
                                                  NodeStore nodes) {
            Map<String, DirectRoute> byAe = new LinkedHashMap<>();
            List<Problem> problems = new ArrayList<>();
            for (DirectRoute r : routes) {
                String field = "route " + r.calledAe();
                if (!r.calledAe().matches("[ -\\[\\]-~]{1,16}") || r.calledAe().isBlank()) {
                    problems.add(new Problem(field, "called AE title must be 1-16 printable characters, no"
                            + " backslash"));
                }
                if (byAe.putIfAbsent(r.calledAe().strip(), r) != null) {
                    problems.add(new Problem(field, "is given twice"));
                }
                if (directory.institution(r.source()).isEmpty()) {
                    problems.add(new Problem(field, "source institution " + r.source().value() + " does not exist"));
                }
                if (directory.institution(r.recipient()).isEmpty()) {
                    problems.add(new Problem(field, "recipient institution " + r.recipient().value()
                            + " does not exist"));
                }
                r.node().ifPresent(id -> {
                    Optional<Node> n = nodes.find(id);
                    if (n.isEmpty() || !n.get().owner().equals(r.recipient())) {
                        problems.add(new Problem(field, "node " + id.value() + " is not a node of the recipient"));
                    } else if (!n.get().accepts(r.source())) {
                        problems.add(new Problem(field, "node " + id.value() + " does not accept the source"));
                    }
                });
            }
            if (!problems.isEmpty()) {
                throw new InvalidDirectRouteException(problems);
            }
            return Map.copyOf(byAe);
        }
    }
}
