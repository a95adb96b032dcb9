package org.iep.app.web.individual;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.iep.api.transaction.Message;
import org.iep.api.transaction.StudyEntry;
import org.iep.api.transaction.Transaction;
import org.iep.core.access.Action;
import org.iep.core.access.DashboardEntry;

/**
 * One dashboard line as the template shows it: only what the individual may see, already formatted. The
 * transaction ID goes into forms (POST bodies), never into URLs.
 */
public record EntryView(String id, String tracking, String type, String status, String from, String patient,
                        String created, String viewUntil, String expires, List<StudyView> studies,
                        List<MessageView> messages, String contactEmail, String contactPhone, Set<String> actions) {

    /** One study line, e.g. "CT head — 12 Mar 2026 — CT — 87/87 images". */
    public record StudyView(String description, String date, String modalities, String progress) {
    }

    /** One message of the thread. */
    public record MessageView(String at, String author, String text) {
    }

    static EntryView of(DashboardEntry e, Locale locale) {
        Transaction t = e.transaction();
        List<StudyView> studies = t.studies().stream().map(EntryView::study).toList();
        List<MessageView> messages = t.messages().stream().map(m -> message(m, locale)).toList();
        Set<String> actions = new java.util.TreeSet<>();
        for (Action a : e.allowed()) {
            actions.add(a.name().toLowerCase(Locale.ROOT));
        }
        return new EntryView(t.id().value(), t.tracking().value(), t.type().name().toLowerCase(Locale.ROOT),
                t.status().name().toLowerCase(Locale.ROOT), e.institutionName(),
                t.patient().givenName() + " " + t.patient().familyName(), Times.date(t.created(), locale),
                Times.format(e.viewUntil(), locale), Times.format(e.expires(), locale), studies, messages,
                e.contact().email(), e.contact().phone(), actions);
    }

    private static StudyView study(StudyEntry s) {
        // "87/87" once the expected count is known, else just what arrived
        return new StudyView(s.description(), s.studyDate(), s.modalities(),
                s.expectedInstances() > 0 ? s.progress() : Integer.toString(s.receivedInstances()));
    }

    private static MessageView message(Message m, Locale locale) {
        return new MessageView(Times.format(m.at(), locale), m.authorName(), m.text());
    }
}
