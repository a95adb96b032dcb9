package org.iep.app.web;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import com.google.common.html.HtmlEscapers;
import org.iep.app.dev.DevMailbox;

/**
 * {@code GET /dev/mailbox}: the e-mails and texts the portal would have sent, newest first — only mounted when no
 * real gateway is configured, and labelled so nobody mistakes it for a patient-facing page.
 */
final class DevMailboxServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient DevMailbox mailbox;

    DevMailboxServlet(DevMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html;charset=UTF-8");
        PrintWriter out = resp.getWriter();
        out.println("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Dev mailbox — IEP (development only)</title></head><body>");
        out.println("<p role=\"alert\"><strong>Development mailbox.</strong> No real e-mail or SMS gateway is"
                + " configured, so messages are kept here instead of being sent. Configure a gateway before real"
                + " use.</p><h1>Sent messages</h1>");
        var entries = mailbox.entries();
        if (entries.isEmpty()) {
            out.println("<p>Nothing sent yet.</p>");
        }
        for (DevMailbox.Entry e : entries) {
            out.println("<article><h2>" + HtmlEscapers.htmlEscaper().escape(e.kind() + " to " + e.to()) + "</h2><p><time>"
                    + e.at() + "</time>" + (e.subject().isEmpty() ? "" : " — " + HtmlEscapers.htmlEscaper().escape(e.subject()))
                    + "</p><pre>" + HtmlEscapers.htmlEscaper().escape(e.body()) + "</pre></article>");
        }
        out.println("</body></html>");
    }
}
