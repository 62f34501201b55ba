package com.bookmarked.cdt.tool.campustransfer;

/** SQL text for the scripts findings show engineers (never run by CDT). */
final class Sql {

    private Sql() {
    }

    /** A string literal: single quotes doubled, so a key can never end the literal. */
    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
