package com.bookmarked.cdt.core.http;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Findings as CSV (RFC 4180, one finding a row), written row by row to any {@link Writer} so
 * that an export streams. Several entities on one side are joined with {@code " | "}; values are
 * {@code field=value} pairs joined with {@code "; "}. Cells that a spreadsheet would run as a
 * formula (starting with = + @ or - followed by a non-digit) get a leading apostrophe.
 */
public final class FindingsCsv {

    public static final String HEADER =
            "id,fingerprint,category,severity,rule,title,sis_key,ours_key,sis_values,ours_values,resolution,description";
    public static final String CONTENT_TYPE = "text/csv; charset=utf-8";

    private FindingsCsv() {
    }

    public static void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
    }

    public static void writeRow(Writer out, Finding f) throws IOException {
        List<EntityRef> sis = new ArrayList<>(2);
        List<EntityRef> ours = new ArrayList<>(2);
        for (EntityRef e : f.entities()) {
            (e.side() == SnapshotSide.SIS ? sis : ours).add(e);
        }
        cell(out, f.id(), true);
        cell(out, f.fingerprint(), false);
        cell(out, f.category(), false);
        cell(out, f.severity().wireName(), false);
        cell(out, f.rule(), false);
        cell(out, f.title(), false);
        cell(out, keys(sis), false);
        cell(out, keys(ours), false);
        cell(out, values(sis), false);
        cell(out, values(ours), false);
        cell(out, f.resolution() == null ? null : f.resolution().action(), false);
        cell(out, f.resolution() == null ? null : f.resolution().description(), false);
        out.write("\r\n");
    }

    private static String keys(List<EntityRef> entities) {
        List<String> keys = new ArrayList<>(entities.size());
        for (EntityRef e : entities) {
            keys.add(e.key());
        }
        return String.join(" | ", keys);
    }

    private static String values(List<EntityRef> entities) {
        List<String> groups = new ArrayList<>(entities.size());
        for (EntityRef e : entities) {
            List<String> pairs = new ArrayList<>(e.values().size());
            for (Map.Entry<String, String> v : e.values().entrySet()) {
                pairs.add(v.getKey() + "=" + (v.getValue() == null ? "" : v.getValue()));
            }
            groups.add(String.join("; ", pairs));
        }
        return String.join(" | ", groups);
    }

    static void cell(Writer out, String value, boolean first) throws IOException {
        if (!first) {
            out.write(',');
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        String v = formulaLike(value) ? "'" + value : value;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            out.write(v);
            return;
        }
        out.write('"');
        out.write(v.replace("\"", "\"\""));
        out.write('"');
    }

    private static boolean formulaLike(String v) {
        char c = v.charAt(0);
        if (c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r') {
            return true;
        }
        return c == '-' && (v.length() == 1 || !Character.isDigit(v.charAt(1)));
    }
}
