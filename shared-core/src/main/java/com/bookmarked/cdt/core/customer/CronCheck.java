package com.bookmarked.cdt.core.customer;

import java.util.List;
import java.util.Locale;

/**
 * Checks a standard five-field cron expression (minute, hour, day of month, month, day of week)
 * as cron reads it: {@code *}, numbers, ranges {@code a-b}, steps {@code * /n} and {@code a-b/n},
 * lists {@code a,b}, month names {@code JAN}–{@code DEC} and day names {@code SUN}–{@code SAT}.
 * The answer names the first problem in words an agent can act on, or is null when all is well.
 */
final class CronCheck {

    private record Field(String name, int min, int max, List<String> names, int firstNameValue) {
    }

    private static final List<Field> FIELDS = List.of(
            new Field("minute", 0, 59, List.of(), 0),
            new Field("hour", 0, 23, List.of(), 0),
            new Field("day of month", 1, 31, List.of(), 0),
            new Field("month", 1, 12, List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"), 1),
            // 0 and 7 are both Sunday
            new Field("day of week", 0, 7, List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"), 0));

    private CronCheck() {
    }

    /** Null when {@code cron} is a valid expression, else what is wrong with it. */
    static String problem(String cron) {
        String[] parts = cron.trim().split("\\s+");
        if (parts.length != 5) {
            return "must have five fields separated by spaces: minute hour day-of-month month day-of-week "
                    + "(e.g. 0 6 * * 1-5 for 6:00 on weekdays); it has " + parts.length;
        }
        for (int i = 0; i < 5; i++) {
            String problem = fieldProblem(FIELDS.get(i), parts[i]);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String fieldProblem(Field field, String text) {
        for (String item : text.split(",", -1)) {
            String range = item;
            int slash = item.indexOf('/');
            if (slash >= 0) {
                range = item.substring(0, slash);
                Integer step = number(item.substring(slash + 1));
                if (step == null || step < 1 || step > field.max) {
                    return "has a step '" + item.substring(slash + 1) + "' in the " + field.name
                            + " field that is not a number from 1 to " + field.max;
                }
            }
            if (range.equals("*")) {
                continue;
            }
            int dash = range.indexOf('-');
            String low = dash >= 0 ? range.substring(0, dash) : range;
            String high = dash >= 0 ? range.substring(dash + 1) : null;
            Integer from = value(field, low);
            Integer to = high == null ? from : value(field, high);
            if (from == null || to == null) {
                return "has '" + item + "' in the " + field.name + " field; use " + allowed(field);
            }
            if (from > to) {
                return "has the range '" + range + "' in the " + field.name + " field running backwards";
            }
        }
        return null;
    }

    private static Integer value(Field field, String text) {
        Integer n = number(text);
        if (n == null) {
            int at = field.names.indexOf(text.toUpperCase(Locale.ROOT));
            return at < 0 ? null : at + field.firstNameValue;
        }
        return n < field.min || n > field.max ? null : n;
    }

    private static Integer number(String text) {
        if (text.isEmpty() || text.length() > 4 || !text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.parseInt(text);
    }

    private static String allowed(Field field) {
        String names = field.names.isEmpty() ? "" : " or " + field.names.get(0) + "–" + field.names.get(field.names.size() - 1);
        return "*, a number from " + field.min + " to " + field.max + names + ", a range, a step or a list";
    }
}
