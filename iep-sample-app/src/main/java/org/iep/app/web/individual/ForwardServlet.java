package org.iep.app.web.individual;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.iep.api.ConflictException;
import org.iep.api.InvalidInputException;
import org.iep.api.Problem;
import org.iep.api.recipient.IndividualRecipient;
import org.iep.api.recipient.PasscodeChannel;
import org.iep.api.recipient.PostalAddress;
import org.iep.app.web.Pages;
import org.iep.core.access.Action;
import org.iep.core.access.IndividualPrincipal;
import org.iep.core.forwarding.ForwardRequest;
import org.iep.core.forwarding.Forwarding;

/**
 * {@code POST /forward}: the four-step wizard — 1 who (names, e-mail, language), 2 how their passcode reaches them
 * (text message or a second e-mail address), 3 a message and the date the package stops being available, 4 the
 * disclaimer and a summary. Entered values travel in the form (never the URL); the core validates everything at
 * the end and its problems send the wizard back to the step that holds the field.
 */
final class ForwardServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final List<String> FIELDS = List.of("givenName", "familyName", "email", "language", "channel", "phone",
            "passcodeEmail", "message");
    private final transient Acting acting;
    private final transient Forwarding forwarding;

    ForwardServlet(Acting acting, Forwarding forwarding) {
        this.acting = acting;
        this.forwarding = forwarding;
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        var session = acting.session(req, resp);
        if (session.isEmpty()) {
            return;
        }
        var principal = acting.authorize(req, resp, session.get(), Action.FORWARD);
        if (principal.isEmpty()) {
            return;
        }
        Map<String, String> f = new HashMap<>();
        for (String name : FIELDS) {
            String v = req.getParameter(name);
            f.put(name, v == null ? "" : v.strip());
        }
        f.putIfAbsent("channel", "SMS");
        if (f.get("channel").isEmpty()) {
            f.put("channel", "SMS");
        }
        int step = parseStep(req.getParameter("step"));
        String go = req.getParameter("go");
        if ("back".equals(go)) {
            step = Math.max(1, step - 1);
        } else if ("next".equals(go)) {
            step = Math.min(4, step + 1);
        } else if ("send".equals(go)) {
            send(req, resp, session.get(), principal.get(), f);
            return;
        }
        page(req, resp, session.get(), principal.get(), f, step, List.of(), 200);
    }

    private void send(HttpServletRequest req, HttpServletResponse resp, String session, IndividualPrincipal p,
                      Map<String, String> f) throws IOException {
        boolean disclaimer = "yes".equals(req.getParameter("disclaimer"));
        PasscodeChannel channel = "EMAIL".equals(f.get("channel")) ? PasscodeChannel.EMAIL : PasscodeChannel.SMS;
        Locale language = "sv".equals(f.get("language")) ? Pages.SWEDISH : Pages.ENGLISH;
        try {
            IndividualRecipient r = new IndividualRecipient(f.get("email"), f.get("familyName"), f.get("givenName"),
                    PostalAddress.NONE, channel == PasscodeChannel.SMS ? f.get("phone") : "",
                    channel == PasscodeChannel.EMAIL ? f.get("passcodeEmail") : "", language, channel);
            forwarding.forward(p, new ForwardRequest(r, f.get("message"), Optional.empty(), disclaimer),
                    Visit.client(req));
        } catch (InvalidInputException e) {
            page(req, resp, session, p, f, stepOf(e.problems()), e.problems(), 400);
            return;
        } catch (ConflictException e) {
            acting.visit().message(req, resp, 409, "action.refused", Map.of("reason", e.getMessage()));
            return;
        }
        acting.visit().message(req, resp, 200, "forward.done",
                Map.of("recipient", f.get("givenName") + " " + f.get("familyName")));
    }

    /** The step that holds the first problem's field. */
    private static int stepOf(List<Problem> problems) {
        int step = 4;
        for (Problem pr : problems) {
            String field = pr.field().toLowerCase(Locale.ROOT);
            if (field.contains("phone") || field.contains("passcode") || field.contains("channel")) {
                step = Math.min(step, 2);
            } else if (field.contains("message")) {
                step = Math.min(step, 3);
            } else if (field.contains("disclaimer")) {
                step = Math.min(step, 4);
            } else {
                step = 1;
            }
        }
        return step;
    }

    private void page(HttpServletRequest req, HttpServletResponse resp, String session, IndividualPrincipal p,
                      Map<String, String> f, int step, List<Problem> problems, int status) throws IOException {
        Map<String, Object> m = new HashMap<>();
        m.put("t", p.transaction().id().value());
        m.put("tracking", p.transaction().tracking().value());
        m.put("expires", Times.format(p.transaction().expires(), Pages.locale(req)));
        m.put("step", step);
        m.put("f", f);
        m.put("problems", problems.stream().map(Problem::message).toList());
        acting.visit().render(req, resp, status, "forward", session, m);
    }

    private static int parseStep(String s) {
        try {
            return Math.max(1, Math.min(4, Integer.parseInt(s)));
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
