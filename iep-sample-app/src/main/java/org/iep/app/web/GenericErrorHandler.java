package org.iep.app.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import org.eclipse.jetty.ee10.servlet.ErrorHandler;
import org.eclipse.jetty.server.Request;

/**
 * Error pages that say what happened in general terms only: no exception text, stack, path or servlet name, which
 * could echo a token or reveal internals. Details go to the log.
 */
final class GenericErrorHandler extends ErrorHandler {
    GenericErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
        setShowMessageInTitle(false);
        setShowOrigin(false);
    }

    static String text(int code) {
        if (code == 404) {
            return "This page does not exist.";
        }
        return code < 500 ? "This request could not be accepted."
                : "Something went wrong on our side. Please try again later.";
    }

    @Override
    protected void writeErrorHtml(Request request, Writer writer, Charset charset, int code, String message,
                                  Throwable cause) throws IOException {
        writer.write("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><title>Image Exchange Portal"
                + "</title></head><body><h1>" + code + "</h1><p>" + text(code) + "</p></body></html>");
    }

    @Override
    protected void writeErrorPlain(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write(code + " " + text(code));
    }

    @Override
    protected void writeErrorJson(Request request, PrintWriter writer, int code, String message, Throwable cause) {
        writer.write("{\"status\":" + code + ",\"message\":\"" + text(code) + "\"}");
    }
}
