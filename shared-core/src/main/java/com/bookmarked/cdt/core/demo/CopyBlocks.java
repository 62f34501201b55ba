package com.bookmarked.cdt.core.demo;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes the reference tables as psql {@code COPY table (columns) FROM stdin;} blocks in text
 * format: tab-separated, {@code \N} for null, backslash escapes, each block ended by {@code \.}.
 */
final class CopyBlocks implements OurTables {

    private final Writer out;
    private String table;

    CopyBlocks(Writer out) {
        this.out = out;
    }

    private void begin(String name, String columns) throws IOException {
        if (!name.equals(table)) {
            end();
            out.write("COPY " + name + " (" + columns + ") FROM stdin;\n");
            table = name;
        }
    }

    void end() throws IOException {
        if (table != null) {
            out.write("\\.\n\n");
            table = null;
        }
    }

    private void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            Object v = values[i];
            if (v == null) {
                out.write("\\N");
            } else if (v instanceof Boolean b) {
                out.write(b ? "t" : "f");
            } else {
                escape(v.toString());
            }
        }
        out.write('\n');
    }

    private void escape(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    // OurTables has no checked exceptions; an I/O failure here ends the whole write anyway.
    private interface Io {
        void run() throws IOException;
    }

    private static void io(Io action) {
        try {
            action.run();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void customer(String customerKey, String name, Instant lastRosterSyncAt) {
        io(() -> {
            begin("customers", "customer_key, name, last_roster_sync_at");
            row(customerKey, name, lastRosterSyncAt);
        });
    }

    @Override
    public void campus(String campusKey, String customerKey, String name, String sisOrgId) {
        io(() -> {
            begin("campuses", "campus_key, customer_key, name, sis_org_id");
            row(campusKey, customerKey, name, sisOrgId);
        });
    }

    @Override
    public void student(String studentKey, String customerKey, String campusKey, String sisId, String localNumber,
                        String givenName, String familyName, String grade, LocalDate birthDate, String email, boolean active) {
        io(() -> {
            begin("students", "student_key, customer_key, campus_key, sis_id, local_number, given_name, family_name, grade, birth_date, email, active");
            row(studentKey, customerKey, campusKey, sisId, localNumber, givenName, familyName, grade, birthDate, email, active);
        });
    }

    @Override
    public void staff(String staffKey, String customerKey, String campusKey, String sisId, String givenName,
                      String familyName, String email, boolean active) {
        io(() -> {
            begin("staff", "staff_key, customer_key, campus_key, sis_id, given_name, family_name, email, active");
            row(staffKey, customerKey, campusKey, sisId, givenName, familyName, email, active);
        });
    }

    @Override
    public void guardian(String guardianKey, String customerKey, String sisId, String email, String givenName,
                         String familyName) {
        io(() -> {
            begin("guardians", "guardian_key, customer_key, sis_id, email, given_name, family_name");
            row(guardianKey, customerKey, sisId, email, givenName, familyName);
        });
    }

    @Override
    public void guardianLink(String studentKey, String guardianKey) {
        io(() -> {
            begin("guardian_links", "student_key, guardian_key");
            row(studentKey, guardianKey);
        });
    }

    @Override
    public void rosterClass(String classKey, String customerKey, String campusKey, String sisId, String title) {
        io(() -> {
            begin("classes", "class_key, customer_key, campus_key, sis_id, title");
            row(classKey, customerKey, campusKey, sisId, title);
        });
    }

    @Override
    public void classMember(String classKey, String personKey, String role, LocalDate startedOn, LocalDate endedOn) {
        io(() -> {
            begin("class_members", "class_key, person_key, role, started_on, ended_on");
            row(classKey, personKey, role, startedOn, endedOn);
        });
    }
}
