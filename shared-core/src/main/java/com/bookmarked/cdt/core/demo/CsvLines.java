package com.bookmarked.cdt.core.demo;

import java.io.IOException;
import java.io.Writer;

/** Writes RFC 4180 CSV lines: quoted only when needed, CRLF line ends, blank for null. */
final class CsvLines {

    private final Writer out;

    CsvLines(Writer out) {
        this.out = out;
    }

    void line(Object... fields) throws IOException {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.write(',');
            }
            Object field = fields[i];
            if (field != null) {
                write(field.toString());
            }
        }
        out.write("\r\n");
    }

    private void write(String value) throws IOException {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote && !value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            quote = true;
        }
        if (!quote) {
            out.write(value);
            return;
        }
        out.write('"');
        out.write(value.replace("\"", "\"\""));
        out.write('"');
    }
}
