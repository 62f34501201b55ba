package com.bookmarked.cdt.tool.parentemail;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL an engineer could run against the reference schema to apply a fix. CDT only shows it; it
 * never runs it (its connections are read-only). Statements are keyed by primary key and wrapped
 * in one transaction, so that a reviewed script changes exactly the rows it names.
 */
final class EngineerScript {

    private final List<String> statements = new ArrayList<>(2);

    boolean isEmpty() {
        return statements.isEmpty();
    }

    EngineerScript setEmail(String guardianKey, String email) {
        statements.add("update guardians set email = " + quoted(email) + " where guardian_key = " + quoted(guardianKey) + ";");
        return this;
    }

    EngineerScript link(String studentKey, String guardianKey) {
        statements.add("insert into guardian_links (student_key, guardian_key) values (" + quoted(studentKey) + ", "
                + quoted(guardianKey) + ") on conflict do nothing;");
        return this;
    }

    EngineerScript unlink(String studentKey, String guardianKey) {
        statements.add("delete from guardian_links where student_key = " + quoted(studentKey) + " and guardian_key = "
                + quoted(guardianKey) + ";");
        return this;
    }

    /** The script, or null when there is nothing to run. */
    String text() {
        if (statements.isEmpty()) {
            return null;
        }
        return "begin;\n" + String.join("\n", statements) + "\ncommit;";
    }

    static String quoted(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
