package com.bookmarked.cdt.tool.studentmismatch;

import java.time.LocalDate;

/** Literals for the SQL shown to engineers; the text is shown, never run. */
final class Sql {

    private Sql() {
    }

    static String text(String value) {
        return value == null ? "null" : "'" + value.replace("'", "''") + "'";
    }

    static String date(LocalDate value) {
        return value == null ? "null" : "date '" + value + "'";
    }
}
