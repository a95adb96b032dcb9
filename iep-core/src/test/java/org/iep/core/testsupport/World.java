package org.iep.core.testsupport;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.Node;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.directory.UserId;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.core.audit.Auditor;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.Directory;
import org.iep.core.directory.InstitutionCreated;
import org.iep.core.directory.NewInstitution;
import org.iep.core.directory.NewUser;
import org.iep.core.directory.NodeSpec;
import org.iep.core.directory.Nodes;
import org.iep.core.directory.Registration;
import org.iep.core.directory.Routing;
import org.iep.core.directory.StaffAccess;
import org.iep.core.id.IdGenerator;
import org.iep.core.policy.IepPolicy;
import org.iep.core.transaction.NewRequest;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.core.transaction.TrackingNumbers;
import org.iep.core.transaction.TransactionListener;
import org.iep.core.transaction.Transactions;
import org.iep.testkit.TestClock;
import org.iep.testkit.memory.InMemoryAuditLog;
import org.iep.testkit.memory.InMemoryBlobStore;
import org.iep.testkit.memory.InMemoryDirectoryStore;
import org.iep.testkit.memory.InMemoryJobQueue;
import org.iep.testkit.memory.InMemoryNodeStore;
import org.iep.testkit.memory.InMemoryTransactionStore;
import org.iep.testkit.memory.InMemoryUserStore;
import org.iep.core.pseudonym.Pseudonymisation;
import org.iep.testkit.memory.FixedKeyProvider;
import org.iep.testkit.memory.InMemoryPseudonymStore;

/**
 * The core wired on in-memory adapters, with two London hospitals: STEE (users {@link #steeAdmin},
 * {@link #steeStaff}, {@link #steeRequester} (REQUEST_ONLY), {@link #steeAuditor}) and LEIC ({@link #leicAdmin},
 * {@link #leicStaff}); each has a default receiving node that accepts the other.
 */
public final class World {
    public static final Instant START = Instant.parse("2026-03-02T09:00:00Z"); // a Monday, in core hours
    public static final ClientInfo CLIENT = new ClientInfo("192.0.2.10");
    public static final String NHS = "9434765919";
    public static final String UID1 = "1.2.826.0.1.3680043.2.1125.1";
    public static final String UID2 = "1.2.826.0.1.3680043.2.1125.2";

    public final TestClock clock = TestClock.at(START);
    public final IepPolicy policy = IepPolicy.DEFAULT;
    public final InMemoryTransactionStore store = new InMemoryTransactionStore();
    public final InMemoryDirectoryStore directoryStore = new InMemoryDirectoryStore();
    public final InMemoryUserStore users = new InMemoryUserStore();
    public final InMemoryNodeStore nodeStore = new InMemoryNodeStore();
    public final InMemoryAuditLog audit = new InMemoryAuditLog();
    public final InMemoryBlobStore blobs = new InMemoryBlobStore();
    public final InMemoryJobQueue jobs = new InMemoryJobQueue();
    public final RecordingNotifier notifier = new RecordingNotifier();
    public final RecordingListener listener = new RecordingListener();
    private final List<TransactionListener> listeners = new ArrayList<>(List.of(listener));
    public final IdGenerator ids = new IdGenerator(new SecureRandom());
    public final Auditor auditor = new Auditor(audit, clock);
    public final StaffAccess access = new StaffAccess(users);
    public final InMemoryPseudonymStore pseudonymLinks = new InMemoryPseudonymStore();
    public final Pseudonymisation pseudonymisation = new Pseudonymisation(directoryStore, pseudonymLinks,
            new FixedKeyProvider("world"), access, auditor, clock);
    public final Directory directory = new Directory(directoryStore, users, access, auditor, ids);
    public final Nodes nodes = new Nodes(nodeStore, directoryStore, access, auditor, ids);
    public final Routing routing = new Routing(directoryStore, nodeStore);
    public final Transactions transactions;

    public final Institution stee;
    public final Institution leic;
    public final UserId steeAdmin;
    public final UserId steeStaff;
    public final UserId steeRequester;
    public final UserId steeAuditor;
    public final UserId leicAdmin;
    public final UserId leicStaff;
    public final Node steePacs;
    public final Node leicPacs;

    public World() {
        this(List.of());
    }

    public World(List<TransactionListener> extraListeners) {
        listeners.addAll(extraListeners);
        transactions = new Transactions(store, directoryStore, nodeStore, access, auditor, notifier, ids,
                new TrackingNumbers(store), routing, clock, policy, listeners, Optional.of(pseudonymisation));
        InstitutionCreated s = directory.createInstitution(institution("STEE", "St Elsewhere", "admin@stee.nhs.uk"),
                CLIENT);
        InstitutionCreated l = directory.createInstitution(institution("LEIC", "Leicester Royal",
                "admin@leic.nhs.uk"), CLIENT);
        stee = s.institution();
        leic = l.institution();
        steeAdmin = s.administrator().id();
        leicAdmin = l.administrator().id();
        steeStaff = user(stee.id(), steeAdmin, "staff@stee.nhs.uk", Role.STANDARD);
        steeRequester = user(stee.id(), steeAdmin, "clerk@stee.nhs.uk", Role.REQUEST_ONLY);
        steeAuditor = user(stee.id(), steeAdmin, "audit@stee.nhs.uk", Role.AUDITOR);
        leicStaff = user(leic.id(), leicAdmin, "staff@leic.nhs.uk", Role.STANDARD);
        steePacs = node(steeAdmin, stee.id(), "STEEPACS", leic.id());
        leicPacs = node(leicAdmin, leic.id(), "LEICPACS", stee.id());
    }

    public static NewInstitution institution(String code, String name, String adminEmail) {
        return new NewInstitution(code, name, "desk@" + code.toLowerCase() + ".nhs.uk", "+441162541414",
                "Europe/London", null, null, new NewUser(adminEmail, "Admin", "Ada"));
    }

    public UserId user(InstitutionId institution, UserId admin, String email, Role role) {
        User u = directory.register(new Registration(institution, new NewUser(email, "Smith", "Sam"), Set.of(role)),
                CLIENT);
        return directory.approve(admin, u.id(), Set.of(role), CLIENT).id();
    }

    public Node node(UserId admin, InstitutionId owner, String ae, InstitutionId allowed) {
        return nodes.put(admin, owner, new NodeSpec(Optional.empty(), ae, ae.toLowerCase() + ".nhs.uk", 104, false,
                Set.of(allowed), Optional.empty(), true), CLIENT);
    }

    public static PatientDetails patient() {
        return new PatientDetails("S123456", "STEE", "JONES", "Mary", LocalDate.of(1970, 5, 17), Sex.FEMALE, NHS,
                "", PostalAddress.NONE);
    }

    public static InstitutionRecipient to(Institution i) {
        return new InstitutionRecipient(i.id(), "", Optional.empty());
    }

    public NewTransfer transferCommand(UserId actor, Institution from, Institution to, Priority priority) {
        return new NewTransfer(actor, from.id(), patient(), to(to), List.of(new SelectedStudy(UID1, "ACC001",
                "CT head")), priority, "For MDT on Friday", Optional.empty());
    }

    public Transaction transfer(Priority priority) {
        return transactions.createTransfer(transferCommand(steeStaff, stee, leic, priority), CLIENT);
    }

    public NewRequest requestCommand(UserId actor) {
        return new NewRequest(actor, stee.id(), patient(), to(leic), "CT head of 12 Feb; Dr Who, neurology",
                Priority.NORMAL, Optional.empty());
    }

    public Transaction request() {
        return transactions.createRequest(requestCommand(steeStaff), CLIENT);
    }
}
