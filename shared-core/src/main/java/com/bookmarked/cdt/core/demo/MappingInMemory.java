package com.bookmarked.cdt.core.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Does to the reference tables in memory what the default mapping's queries do in SQL: keeps one
 * customer's rows, the class members of its classes or people, and the guardian emails that
 * other customers also use (compared lower-cased and space-trimmed, like {@code lower(trim(email))}).
 */
final class MappingInMemory implements OurTables {

    private final String customerKey;
    private final OurSnapshotAssembler target;
    private final Set<String> students = new HashSet<>();
    private final Set<String> people = new HashSet<>();
    private final Set<String> classes = new HashSet<>();
    private final Set<String> ourEmails = new HashSet<>();
    private final List<String[]> otherGuardians = new ArrayList<>();

    MappingInMemory(String customerKey, OurSnapshotAssembler target) {
        this.customerKey = customerKey;
        this.target = target;
    }

    static String lowerTrim(String email) {
        int start = 0;
        int end = email.length();
        while (start < end && email.charAt(start) == ' ') {
            start++;
        }
        while (end > start && email.charAt(end - 1) == ' ') {
            end--;
        }
        return email.substring(start, end).toLowerCase(Locale.ROOT);
    }

    @Override
    public void customer(String key, String name, Instant lastRosterSyncAt) {
        if (key.equals(customerKey)) {
            target.customer(key, name, lastRosterSyncAt);
        }
    }

    @Override
    public void campus(String campusKey, String customer, String name, String sisOrgId) {
        if (customer.equals(customerKey)) {
            target.campus(campusKey, name, sisOrgId);
        }
    }

    @Override
    public void student(String studentKey, String customer, String campusKey, String sisId, String localNumber,
                        String givenName, String familyName, String grade, LocalDate birthDate, String email, boolean active) {
        if (customer.equals(customerKey)) {
            students.add(studentKey);
            people.add(studentKey);
            target.student(studentKey, campusKey, sisId, localNumber, givenName, familyName, grade, birthDate, email, active);
        }
    }

    @Override
    public void staff(String staffKey, String customer, String campusKey, String sisId, String givenName, String familyName,
                      String email, boolean active) {
        if (customer.equals(customerKey)) {
            people.add(staffKey);
            target.staff(staffKey, campusKey, sisId, givenName, familyName, email, active);
        }
    }

    @Override
    public void guardian(String guardianKey, String customer, String sisId, String email, String givenName, String familyName) {
        if (customer.equals(customerKey)) {
            if (email != null) {
                ourEmails.add(lowerTrim(email));
            }
            target.guardian(guardianKey, sisId, email, givenName, familyName);
        } else if (email != null) {
            otherGuardians.add(new String[] {lowerTrim(email), customer, guardianKey});
        }
    }

    @Override
    public void guardianLink(String studentKey, String guardianKey) {
        if (students.contains(studentKey)) {
            target.guardianLink(studentKey, guardianKey);
        }
    }

    @Override
    public void rosterClass(String classKey, String customer, String campusKey, String sisId, String title) {
        if (customer.equals(customerKey)) {
            classes.add(classKey);
            target.rosterClass(classKey, campusKey, sisId, title);
        }
    }

    @Override
    public void classMember(String classKey, String personKey, String role, LocalDate startedOn, LocalDate endedOn) {
        if (classes.contains(classKey) || people.contains(personKey)) {
            target.classMember(classKey, personKey, role, endedOn);
        }
    }

    /** Call after the last row: adds the guardian emails other customers share with this one. */
    void finish() {
        for (String[] other : otherGuardians) {
            if (ourEmails.contains(other[0])) {
                target.guardianEmailElsewhere(other[0], other[1], other[2]);
            }
        }
    }
}
