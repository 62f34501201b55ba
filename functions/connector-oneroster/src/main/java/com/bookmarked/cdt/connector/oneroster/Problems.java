package com.bookmarked.cdt.connector.oneroster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The problems of one import: the first few kept in full, all of them counted. Values of personal
 * columns are kept only as their shape.
 */
final class Problems {

    /** Columns whose values are about a person; a problem shows only the value's shape. */
    private static final Set<String> PERSONAL = Set.of("givenname", "familyname", "middlename", "preferredgivenname",
            "preferredmiddlename", "preferredfamilyname", "email", "sms", "phone", "username", "password", "userids",
            "birthdate", "sex", "pronouns", "americanindianoralaskanative", "asian", "blackorafricanamerican",
            "nativehawaiianorotherpacificislander", "white", "demographicracetwoormoreraces", "hispanicorlatinoethnicity",
            "countryofbirthcode", "stateofbirthabbreviation", "cityofbirth", "publicschoolresidencestatus");
    private static final int MAX_VALUE = 60;

    private final int keep;
    private final List<ImportProblem> kept = new ArrayList<>();
    private int count;
    private int skippedRows;

    Problems(int keep) {
        this.keep = keep;
    }

    void rowSkipped(String file, long line, String column, String value, String message) {
        add(file, line, column, value, message, ImportProblem.Effect.ROW_SKIPPED);
    }

    void rowKept(String file, long line, String column, String value, String message) {
        add(file, line, column, value, message, ImportProblem.Effect.ROW_KEPT);
    }

    void file(String file, String message) {
        add(file, 0, null, null, message, ImportProblem.Effect.FILE);
    }

    private void add(String file, long line, String column, String value, String message, ImportProblem.Effect effect) {
        count++;
        if (effect == ImportProblem.Effect.ROW_SKIPPED) {
            skippedRows++;
        }
        if (kept.size() < keep) {
            boolean personal = column != null && value != null && PERSONAL.contains(column.toLowerCase(Locale.ROOT));
            String shown = value == null ? null : personal ? shape(value) : printable(value);
            kept.add(new ImportProblem(file, line, column, shown, personal, message, effect));
        }
    }

    List<ImportProblem> kept() {
        return kept;
    }

    int count() {
        return count;
    }

    int skippedRows() {
        return skippedRows;
    }

    /** A value fit to quote: control characters shown as '?', long values cut. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE + 1));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (value.length() > MAX_VALUE) {
            out.append('…');
        }
        return out.toString();
    }

    /** What a value looks like without what it says: digits become 9, letters A or a, the rest stays. */
    static String shape(String value) {
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX_VALUE + 1));
        for (int i = 0; i < value.length() && out.length() < MAX_VALUE; i++) {
            char c = value.charAt(i);
            if (Character.isDigit(c)) {
                out.append('9');
            } else if (Character.isLetter(c)) {
                out.append(Character.isUpperCase(c) ? 'A' : 'a');
            } else {
                out.append(Character.isISOControl(c) ? '?' : c);
            }
        }
        if (value.length() > MAX_VALUE) {
            out.append('…');
        }
        return out.toString();
    }
}
