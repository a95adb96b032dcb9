package org.iep.dicom.json;

import java.io.IOException;
import org.iep.dicom.DicomIoException;

/**
 * A minimal streaming JSON emitter with optional two-space indentation. The caller is responsible
 * for a well-formed sequence of calls. Not thread-safe.
 */
final class JsonWriter {

    private final Appendable out;
    private final boolean pretty;
    private int level;
    /** True when the next value in the current container needs a comma before it. */
    private boolean needComma;
    private boolean afterName;

    JsonWriter(Appendable out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    JsonWriter beginObject() {
        prefix();
        raw("{");
        level++;
        needComma = false;
        return this;
    }

    JsonWriter endObject() {
        return end('}');
    }

    JsonWriter beginArray() {
        prefix();
        raw("[");
        level++;
        needComma = false;
        return this;
    }

    JsonWriter endArray() {
        return end(']');
    }

    private JsonWriter end(char c) {
        level--;
        if (needComma) {
            newline();
        }
        raw(String.valueOf(c));
        needComma = true;
        return this;
    }

    JsonWriter name(String name) {
        prefix();
        string0(name);
        raw(pretty ? ": " : ":");
        afterName = true;
        return this;
    }

    JsonWriter value(String s) {
        prefix();
        string0(s);
        needComma = true;
        return this;
    }

    /** A number literal, which must already be valid JSON. */
    JsonWriter number(String literal) {
        prefix();
        raw(literal);
        needComma = true;
        return this;
    }

    JsonWriter nullValue() {
        prefix();
        raw("null");
        needComma = true;
        return this;
    }

    void flushLine() {
        if (pretty) {
            raw("\n");
        }
    }

    private void prefix() {
        if (afterName) {
            afterName = false;
            return;
        }
        if (needComma) {
            raw(",");
        }
        if (level > 0) {
            newline();
        }
    }

    private void newline() {
        if (pretty) {
            raw("\n" + "  ".repeat(level));
        }
    }

    private void string0(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        raw(sb.append('"').toString());
    }

    private void raw(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new DicomIoException("cannot write JSON: " + e.getMessage(), e);
        }
    }
}
