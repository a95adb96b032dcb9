package org.iep.app.demo;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.Role;
import org.iep.api.directory.User;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.spi.MailMessage;
import org.iep.api.spi.MailSender;
import org.iep.api.transaction.Party;
import org.iep.api.transaction.Priority;
import org.iep.api.transaction.Transaction;
import org.iep.api.transaction.TransactionStatus;
import org.iep.app.rest.ApiClients;
import org.iep.core.directory.InstitutionCreated;
import org.iep.core.ingest.Ingest;
import org.iep.core.ingest.IngestSource;
import org.iep.core.transaction.NewTransfer;
import org.iep.core.transaction.PatientDetails;
import org.iep.core.transaction.SelectedStudy;
import org.iep.core.transaction.Transactions;
import org.iep.api.spi.DirectoryStore;
import org.iep.core.audit.ClientInfo;
import org.iep.core.directory.Directory;
import org.iep.core.directory.NodeSpec;
import org.iep.core.directory.Nodes;
import org.iep.core.directory.NewInstitution;
import org.iep.core.directory.NewUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.iep.core.directory.InstitutionSettings;
import org.iep.api.pseudonym.PseudonymisationProfile;
import org.iep.api.directory.InstitutionPolicies;
import org.iep.api.directory.Institution;
import java.util.Map;

/**
 * Seeds an empty database with two demo hospitals, their first administrators and a transfer to a demo patient,
 * through the same services (validated, audited) that operators and staff use; the demo study's images (a small
 * synthetic CT series) come in through ingest like any modality's. Does nothing when any institution exists, so a restart
 * or a real deployment that turned demo data off is never touched. Uses reserved example domains and the Ofcom
 * drama number range only.
 */
public final class DemoData {
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
    private static final ClientInfo SEEDER = new ClientInfo("127.0.0.1");

    /** The demo patient: receives the link at one address and passcodes at a second one (both in the dev mailbox). */
    /** The demo RIS's REST API client, acting as St Elsewhere's administrator. */
    public static final String DEMO_API_CLIENT = "stee-ris";
    public static final IndividualRecipient PATIENT = new IndividualRecipient("patricia.jones@demo.example.org",
            "Jones", "Patricia", PostalAddress.NONE, "", "patricia.codes@demo.example.org", Locale.UK,
            PasscodeChannel.EMAIL);

    private final Directory directory;
    private final Nodes nodes;
    private final DirectoryStore store;
    private final Transactions transactions;
    private final Ingest ingest;

    private final Optional<MailSender> devMail;
    private final Path apiClientsFile;
    private final SecureRandom random;

    /**
     * @param devMail the dev mailbox, when e-mail goes there: the demo API client's key is delivered through it;
     *                with a real relay no demo key is made (use {@code --new-api-key})
     */
    public DemoData(Directory directory, Nodes nodes, DirectoryStore store, Transactions transactions, Ingest ingest,
                    Optional<MailSender> devMail, Path apiClientsFile, SecureRandom random) {
        this.directory = directory;
        this.nodes = nodes;
        this.store = store;
        this.transactions = transactions;
        this.ingest = ingest;
        this.devMail = devMail;
        this.apiClientsFile = apiClientsFile;
        this.random = random;
    }

    /** Returns how many institutions were created (0 when the database already had some). */
    public int seedIfEmpty() {
        if (!store.institutions().isEmpty()) {
            return 0;
        }
        List<NewInstitution> hospitals = List.of(
                new NewInstitution("STEE", "St Elsewhere Hospital", "imaging@stee.example.org", "+441632960001",
                        "Europe/London", null, null, new NewUser("admin@stee.example.org", "Okafor", "Ada")),
                new NewInstitution("NTEE", "Northtown General Hospital", "imaging@ntee.example.org",
                        "+441632960002", "Europe/London", null, null,
                        new NewUser("admin@ntee.example.org", "Lindqvist", "Sven")));
        List<InstitutionCreated> created = hospitals.stream().map(h -> directory.createInstitution(h, SEEDER)).toList();
        seedNodes(created.get(0), created.get(1));
        seedPseudonymisationProfiles(created.get(0));
        sendToDemoPatient(created.get(0));
        devMail.ifPresent(mail -> provisionApiClient(created.get(0).administrator(), mail));
        LOG.info("Demo data: created {} hospitals (STEE, NTEE) with their administrators, and a transfer to the demo"
                + " patient {}", hospitals.size(), PATIENT.email());
        return hospitals.size();
    }

    /**
     * Each hospital's PACS on this machine: St Elsewhere's may push to IEP (the demo route TO_NTEE forwards to
     * Northtown), Northtown's receives on port 11114 (start e.g. {@code storescp -aet NTEE_PACS 11114} to see a
     * delivery arrive; until then IEP retries with back-off).
     */
    private void seedNodes(InstitutionCreated stee, InstitutionCreated ntee) {
        nodes.put(stee.administrator().id(), stee.institution().id(), new NodeSpec(Optional.empty(), "STEE_PACS",
                "127.0.0.1", 11113, false, Set.of(), Optional.empty(), true), SEEDER);
        nodes.put(ntee.administrator().id(), ntee.institution().id(), new NodeSpec(Optional.empty(), "NTEE_PACS",
                "127.0.0.1", 11114, false, Set.of(stee.institution().id()), Optional.empty(), true), SEEDER);
    }

    /**
     * St Elsewhere shares studies for research (dates shifted per patient, descriptions cleaned) and teaching
     * (descriptions cleaned); neither takes instances whose pixels may show identity. No default: a transfer is
     * pseudonymised only when its sender names a profile.
     */
    private void seedPseudonymisationProfiles(InstitutionCreated stee) {
        Institution i = stee.institution();
        InstitutionPolicies p = i.policies();
        directory.updateSettings(stee.administrator().id(), i.id(), new InstitutionSettings(i.contact().email(),
                i.contact().phone(), i.zone().getId(), null, new InstitutionPolicies(p.retention(),
                p.packageAvailability(), p.releaseDelay(), p.allowMixedPatients(), "", List.of(
                        new PseudonymisationProfile("research", Set.of("retain_long_modified_dates",
                                "clean_descriptors"), Map.of(), false),
                        new PseudonymisationProfile("teaching", Set.of("clean_descriptors"), Map.of(), false)))),
                SEEDER);
    }

    /** St Elsewhere's administrator, also given the standard role, sends a CT study to the demo patient. */
    private void sendToDemoPatient(InstitutionCreated stee) {
        User admin = stee.administrator();
        directory.changeRoles(admin.id(), admin.id(), Set.of(Role.ADMINISTRATOR, Role.STANDARD), SEEDER);
        PatientDetails patient = new PatientDetails("DEMO0001", "STEE", "Jones", "Patricia", LocalDate.of(1970, 1, 31),
                Sex.FEMALE, "9434765919", "", PostalAddress.NONE);
        Transaction t = transactions.createTransfer(new NewTransfer(admin.id(), stee.institution().id(), patient,
                PATIENT, List.of(new SelectedStudy(DemoImages.STUDY, "DEMOACC1", "CT head")),
                Priority.NORMAL, "Your CT scan, as you asked.", Optional.empty()), SEEDER);
        Party demo = new Party.System("demo");
        transactions.advance(t.id(), TransactionStatus.UPLOADING, "", demo, ClientInfo.INTERNAL);
        IngestSource modality = new IngestSource(demo, ClientInfo.INTERNAL, "DEMO_CT");
        for (int n = 0; n < DemoImages.SLICES; n++) {
            ingest.ingest(t.id(), new ByteArrayInputStream(DemoImages.slice(n)), modality);
        }
        transactions.advance(t.id(), TransactionStatus.ON_IEP, "", demo, ClientInfo.INTERNAL);
    }

    /**
     * A REST API client for St Elsewhere's RIS acting as its administrator: the key's hash goes to the clients file,
     * the key itself to the administrator's (dev) mailbox, the only place it ever appears.
     */
    private void provisionApiClient(User admin, MailSender mail) {
        ApiClients.NewKey key = ApiClients.newKey(DEMO_API_CLIENT, admin.email(), random);
        try {
            Files.createDirectories(apiClientsFile.toAbsolutePath().getParent());
            Files.writeString(apiClientsFile, key.fileLine() + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo API client to " + apiClientsFile, e);
        }
        String text = "The demo REST API key of St Elsewhere's RIS (client '" + DEMO_API_CLIENT + "'):\n\n"
                + key.key() + "\n\nSend it as 'Authorization: Bearer <key>' to /api/v1 (see /api/openapi.json).";
        mail.send(new MailMessage("demo-api-key", admin.email(), "Your IEP API key (demo)", text,
                "<p>" + text.replace("\n\n", "</p><p>") + "</p>", "en"));
    }
}
