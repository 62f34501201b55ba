package com.bookmarked.cdt.tool.studentmismatch;

import java.time.LocalDate;
import java.util.Locale;

/**
 * One student as the matcher compares them: names folded, birth date split into its parts,
 * grade ranked, campus as the SIS org id (ours are translated through the campus mapping),
 * student number and email normalised. Made only for the records that get compared.
 */
final class Person {

    static final int NO_DATE = Integer.MIN_VALUE;
    static final int NO_RANK = Integer.MIN_VALUE;

    final NameForm given;
    final NameForm family;
    /** The name the student goes by, when the source has one (OneRoster 1.2); empty otherwise. */
    NameForm preferredGiven = NameForm.EMPTY;
    final int birth;
    final int birthYear;
    final int birthMonth;
    final int birthDay;
    final String grade;
    final int gradeRank;
    final String campus;
    final String identifier;
    final String email;

    Person(NameForm given, NameForm family, LocalDate birthDate, String grade, String campus, String identifier, String email) {
        this.given = given;
        this.family = family;
        if (birthDate == null) {
            birth = NO_DATE;
            birthYear = birthMonth = birthDay = 0;
        } else {
            birth = (int) birthDate.toEpochDay();
            birthYear = birthDate.getYear();
            birthMonth = birthDate.getMonthValue();
            birthDay = birthDate.getDayOfMonth();
        }
        this.grade = grade(grade);
        this.gradeRank = rank(this.grade);
        this.campus = campus;
        this.identifier = identifier(identifier);
        this.email = email(email);
    }

    boolean hasBirth() {
        return birth != NO_DATE;
    }

    /** The birth date with day and month in a fixed order, so that a swap of the two gives the same value. */
    int birthEitherWay() {
        int low = Math.min(birthMonth, birthDay);
        int high = Math.max(birthMonth, birthDay);
        return birthYear * 10_000 + low * 100 + high;
    }

    /** A student number as digits and capital letters without leading zeros: " 000123" and "123" are one number. */
    static String identifier(String raw) {
        if (raw == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z')) {
                if (c != '0' || !out.isEmpty()) {
                    out.append(c);
                }
            } else if (c >= 'a' && c <= 'z') {
                out.append((char) (c - 32));
            }
        }
        if (out.isEmpty()) {
            // all zeros is a number too ("0"); nothing at all is no number
            return raw.chars().anyMatch(c -> c == '0') ? "0" : null;
        }
        return out.toString();
    }

    static String email(String raw) {
        if (raw == null) {
            return null;
        }
        String e = raw.trim().toLowerCase(Locale.ROOT);
        return e.isEmpty() ? null : e;
    }

    /** Grades as OneRoster writes them: "KG" for kindergarten (also "K", "0", "00"), "PK", "01" to "13". */
    static String grade(String raw) {
        if (raw == null) {
            return null;
        }
        String g = raw.trim().toUpperCase(Locale.ROOT);
        if (g.isEmpty()) {
            return null;
        }
        switch (g) {
            case "K", "KG", "0", "00", "KINDERGARTEN" -> {
                return "KG";
            }
            case "PK", "PREK", "PRE-K", "-1" -> {
                return "PK";
            }
            default -> {
                if (g.length() <= 2 && g.chars().allMatch(Character::isDigit)) {
                    int n = Integer.parseInt(g);
                    return n < 10 ? "0" + n : String.valueOf(n);
                }
                return g;
            }
        }
    }

    private static int rank(String grade) {
        if (grade == null) {
            return NO_RANK;
        }
        return switch (grade) {
            case "PK" -> -1;
            case "KG" -> 0;
            default -> grade.length() == 2 && Character.isDigit(grade.charAt(0)) && Character.isDigit(grade.charAt(1))
                    ? Integer.parseInt(grade) : NO_RANK;
        };
    }
}
