package com.bookmarked.cdt.connector.oneroster;

import com.bookmarked.cdt.connector.oneroster.CsvTable.BadValue;
import com.bookmarked.cdt.core.roster.RecordStatus;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parsing OneRoster CSV values; a value that does not parse is a {@link BadValue} naming the column. */
final class Values {

    private Values() {
    }

    /** One of the allowed words (any case), or an {@code ext:} value; returns the allowed spelling. */
    static String vocabulary(String column, String value, List<String> allowed, String version) throws BadValue {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        if (value.regionMatches(true, 0, "ext:", 0, 4) && value.length() > 4) {
            return value;
        }
        throw new BadValue(column, value, "not a OneRoster " + version + " " + column + " (expected one of "
                + String.join(", ", allowed) + ")");
    }

    static boolean bool(String column, String value, boolean required) throws BadValue {
        if (value == null && !required) {
            return false;
        }
        if ("true".equalsIgnoreCase(value)) {
            return true;
        }
        if ("false".equalsIgnoreCase(value)) {
            return false;
        }
        throw new BadValue(column, value, value == null ? column + " is empty; it must be true or false" : "must be true or false");
    }

    /** YYYY-MM-DD, parsed by hand: this runs for millions of enrollment dates. */
    static LocalDate date(String column, String value) throws BadValue {
        if (value == null) {
            return null;
        }
        if (value.length() == 10 && value.charAt(4) == '-' && value.charAt(7) == '-') {
            int year = digits(value, 0, 4);
            int month = digits(value, 5, 7);
            int day = digits(value, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                try {
                    return LocalDate.of(year, month, day);
                } catch (DateTimeException e) {
                    throw new BadValue(column, value, "not a real date (expected YYYY-MM-DD)");
                }
            }
        }
        throw new BadValue(column, value, "not a date (expected YYYY-MM-DD)");
    }

    private static int digits(String value, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** An ISO 8601 date-time (1.2 writes e.g. 2026-11-15T06:00:00.000Z); a bare date means its start, in UTC. */
    static Instant dateTime(String column, String value) throws BadValue {
        if (value == null) {
            return null;
        }
        try {
            if (value.length() == 10) {
                return date(column, value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            Instant quick = utc(value);
            if (quick != null) {
                return quick;
            }
            char last = value.charAt(value.length() - 1);
            if (last == 'Z' || last == 'z' || value.lastIndexOf('+') > 10 || value.lastIndexOf('-') > 10) {
                return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
            }
            return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | BadValue e) {
            throw new BadValue(column, value, "not a date-time (expected e.g. 2026-11-15T06:00:00Z)");
        }
    }

    /**
     * The usual shape, {@code YYYY-MM-DDTHH:MM:SS[.fff]Z}, by hand (most bulk exports fill every row's
     * dateLastModified, and the general parser costs a microsecond a row); null for any other shape.
     */
    private static Instant utc(String value) {
        int length = value.length();
        if (length < 20 || value.charAt(10) != 'T' || value.charAt(13) != ':' || value.charAt(16) != ':'
                || value.charAt(length - 1) != 'Z' || value.charAt(4) != '-' || value.charAt(7) != '-') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int nanos = 0;
        if (length > 20) {
            if (value.charAt(19) != '.' || length > 30) {
                return null;
            }
            int fraction = digits(value, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = length - 1 - 20; i < 9; i++) {
                nanos *= 10;
            }
        } else if (value.charAt(19) != 'Z') {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null; // let the general parser say what is wrong
        }
    }

    static RecordStatus status(String value) throws BadValue {
        if (value == null || value.equalsIgnoreCase("active")) {
            return RecordStatus.ACTIVE;
        }
        if (value.equalsIgnoreCase("tobedeleted")) {
            return RecordStatus.TOBEDELETED;
        }
        if (value.equalsIgnoreCase("inactive")) {
            // OneRoster 1.0's word, still written by some systems
            return RecordStatus.INACTIVE;
        }
        throw new BadValue("status", value, "not a OneRoster status (expected active or tobedeleted)");
    }

    /** A comma-separated list of ids or codes, blanks dropped. */
    static List<String> list(String value) {
        if (value == null) {
            return List.of();
        }
        int comma = value.indexOf(',');
        if (comma < 0) {
            String item = value.trim();
            return item.isEmpty() ? List.of() : List.of(item);
        }
        List<String> items = new ArrayList<>(4);
        int from = 0;
        while (from <= value.length()) {
            int to = comma < 0 ? value.length() : comma;
            String item = value.substring(from, to).trim();
            if (!item.isEmpty()) {
                items.add(item);
            }
            from = to + 1;
            comma = value.indexOf(',', from);
        }
        return items;
    }
}
