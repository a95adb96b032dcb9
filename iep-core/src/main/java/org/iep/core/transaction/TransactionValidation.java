package org.iep.core.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.iep.api.directory.Institution;
import org.iep.api.directory.InstitutionId;
import org.iep.api.directory.NodeId;
import org.iep.api.directory.Node;
import org.iep.api.patient.NhsNumber;
import org.iep.api.patient.Patient;
import org.iep.api.patient.PatientIdentifier;
import org.iep.api.patient.Sex;
import org.iep.api.recipient.CompanyRecipient;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.InstitutionRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.api.recipient.Recipient;
import org.iep.api.spi.DirectoryStore;
import org.iep.api.spi.NodeStore;
import org.iep.api.transaction.StudyEntry;
import org.iep.core.policy.IepPolicy;
import org.iep.core.validation.Problems;

/**
 * The field rules of transfers and requests. Each method adds every problem it finds and returns the validated value
 * (or null when there were problems), so the caller can throw once with the complete list. Thread-safe.
 */
final class TransactionValidation {
    private static final int MAX_NAME = 64;       // DICOM PN component group
    private static final int MAX_PATIENT_ID = 64; // DICOM LO
    private static final int MAX_ACCESSION = 16;  // DICOM SH
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

    private final DirectoryStore directory;
    private final NodeStore nodes;
    private final IepPolicy policy;

    TransactionValidation(DirectoryStore directory, NodeStore nodes, IepPolicy policy) {
        this.directory = directory;
        this.nodes = nodes;
        this.policy = policy;
    }

    Patient patient(Problems p, PatientDetails d, LocalDate today) {
        if (d == null) {
            p.add("patient", "is required");
            return null;
        }
        int before = p.list().size();
        p.text(d.id(), "patient.id", MAX_PATIENT_ID);
        p.optionalText(d.issuer(), "patient.issuer", MAX_PATIENT_ID);
        p.text(d.familyName(), "patient.familyName", MAX_NAME);
        p.text(d.givenName(), "patient.givenName", MAX_NAME);
        if (d.birthDate() == null) {
            p.add("patient.birthDate", "is required");
        } else {
            p.check(!d.birthDate().isAfter(today), "patient.birthDate", "cannot be in the future");
        }
        p.check(d.sex() != null && d.sex() != Sex.UNKNOWN, "patient.sex", "is required (male, female or other)");
        Optional<NhsNumber> nhs = Optional.empty();
        PostalAddress address = d.address() == null ? PostalAddress.NONE : d.address();
        if (d.nhsNumber() != null && !d.nhsNumber().isBlank()) {
            nhs = NhsNumber.parse(d.nhsNumber());
            p.check(nhs.isPresent(), "patient.nhsNumber", "is not a valid NHS number (10 digits, modulus-11 check)");
        } else {
            // DESIGN.md §4: without an NHS number a reason is required and the address becomes mandatory.
            p.text(d.noNhsNumberReason(), "patient.noNhsNumberReason", policy.maxTextLength());
            p.check(!address.isEmpty(), "patient.address", "is required when there is no NHS number");
        }
        address.lines().forEach(l -> p.optionalText(l, "patient.address", MAX_NAME * 2));
        if (p.list().size() > before) {
            return null;
        }
        return new Patient(new PatientIdentifier(d.id().strip(), d.issuer() == null ? "" : d.issuer().strip()),
                d.familyName().strip(), d.givenName().strip(), d.birthDate(), d.sex(), nhs, address,
                nhs.isPresent() || d.noNhsNumberReason() == null ? "" : d.noNhsNumberReason().strip());
    }

    /** The recipient with an institution's name taken from the directory, or null after problems. */
    /** The node studies are retrieved from must be the sender's own. */
    void sourceNode(Problems p, Optional<NodeId> source, InstitutionId sender) {
        source.ifPresent(id -> p.check(nodes.find(id).map(n -> n.owner().equals(sender)).orElse(false), "source",
                "is not a node of your institution"));
    }

    Recipient recipient(Problems p, Recipient r, InstitutionId sender) {
        if (r == null) {
            p.add("recipient", "is required");
            return null;
        }
        int before = p.list().size();
        Recipient result = r;
        if (r instanceof InstitutionRecipient i) {
            Optional<Institution> to = directory.institution(i.institution());
            p.check(to.isPresent(), "recipient.institution", "does not exist");
            i.node().ifPresent(id -> {
                Optional<Node> node = nodes.find(id);
                p.check(node.map(n -> n.owner().equals(i.institution())).orElse(false), "recipient.node",
                        "is not a node of the recipient institution");
                p.check(node.map(n -> n.accepts(sender)).orElse(true), "recipient.node",
                        "does not accept transfers from your institution");
            });
            if (to.isPresent()) {
                result = new InstitutionRecipient(i.institution(), to.get().name(), i.node());
            }
        } else if (r instanceof CompanyRecipient c) {
            p.text(c.companyName(), "recipient.companyName", MAX_NAME * 2);
            individual(p, c.contact(), "recipient.contact");
        } else if (r instanceof IndividualRecipient ind) {
            individual(p, ind, "recipient");
        }
        return p.list().size() > before ? null : result;
    }

    private void individual(Problems p, IndividualRecipient r, String prefix) {
        p.email(r.email(), prefix + ".email");
        p.text(r.familyName(), prefix + ".familyName", MAX_NAME);
        p.text(r.givenName(), prefix + ".givenName", MAX_NAME);
        if (r.channel() == PasscodeChannel.SMS) {
            p.phone(r.phone(), prefix + ".phone");
        } else {
            p.email(r.passcodeEmail(), prefix + ".passcodeEmail");
            p.check(!r.passcodeEmail().equalsIgnoreCase(r.email()), prefix + ".passcodeEmail",
                    "must differ from the e-mail address the link goes to");
        }
        // Any language is accepted (unsupported ones fall back to UK English), but it must be a real one.
        String lang = r.language().getLanguage();
        p.check(lang.isEmpty() || LANGUAGES.contains(lang), prefix + ".language", "is not a known language");
    }

    /** The studies as pending entries; at least one when {@code required}. */
    List<StudyEntry> studies(Problems p, List<SelectedStudy> studies, boolean required) {
        if (required && studies.isEmpty()) {
            p.add("studies", "at least one study is required");
        }
        List<StudyEntry> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < studies.size(); i++) {
            SelectedStudy s = studies.get(i);
            String f = "studies[" + i + "]";
            if (s == null) {
                p.add(f, "is required");
                continue;
            }
            boolean ok = validUid(s.studyInstanceUid());
            p.check(ok, f + ".studyInstanceUid", "is not a valid DICOM UID (digits and dots, at most 64)");
            p.check(!ok || seen.add(s.studyInstanceUid()), f + ".studyInstanceUid", "is listed twice");
            p.optionalText(s.accessionNumber(), f + ".accessionNumber", MAX_ACCESSION);
            p.optionalText(s.description(), f + ".description", 64);
            result.add(StudyEntry.pending(String.valueOf(s.studyInstanceUid()), orEmpty(s.accessionNumber()),
                    orEmpty(s.description())));
        }
        return result;
    }

    void message(Problems p, String text, String field, boolean required) {
        if (required) {
            p.text(text, field, policy.maxTextLength());
        } else {
            p.optionalText(text, field, policy.maxTextLength());
        }
    }

    static void notPast(Problems p, Optional<Instant> at, Instant now, String field) {
        at.ifPresent(t -> p.check(!t.isBefore(now), field, "cannot be in the past"));
    }

    /** PS3.5 §9: components of digits separated by dots, no leading zero unless the component is 0; ≤ 64. */
    static boolean validUid(String uid) {
        return org.iep.dicom.dict.UIDs.isValid(uid);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
