package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Tiny rosters of families for rule tests. A guardian {@code n} is {@code g<n>} in the SIS and
 * {@code bg<n>} here (linked by sis_id); a student {@code n} is {@code s<n>} / {@code bs<n>}; a
 * staff member {@code t<n>} / {@code bt<n>}. Links are the same on both sides unless a test changes
 * one side; each test breaks one thing.
 */
final class Families {

    static final Instant TAKEN = Instant.parse("2026-11-16T14:00:00Z");
    static final Instant LAST_SYNC = Instant.parse("2026-11-15T06:00:00Z");

    private final Map<String, String[]> guardians = new LinkedHashMap<>(); // n -> {sisEmail, ourEmail, ourSisId}
    private final Map<String, String> students = new LinkedHashMap<>();    // n -> email
    private final Map<String, String> staff = new LinkedHashMap<>();
    private final List<String[]> sisLinks = new ArrayList<>();             // {student n, guardian n}
    private final List<String[]> ourLinks = new ArrayList<>();
    private final List<GuardianEmailElsewhere> elsewhere = new ArrayList<>();
    private final Map<String, Instant> sisModified = new LinkedHashMap<>();
    private boolean sisLinksOnGuardiansOnly;

    /** A guardian with the same address on both sides. */
    Families guardian(String n, String email) {
        return guardian(n, email, email);
    }

    Families guardian(String n, String sisEmail, String ourEmail) {
        guardians.put(n, new String[] {sisEmail, ourEmail, "g" + n});
        return this;
    }

    /** A guardian account of ours that did not come from the SIS (no sis_id, no SIS record). */
    Families ourOwnGuardian(String n, String email) {
        guardians.put(n, new String[] {null, email, null});
        return this;
    }

    /** A second account of ours for the SIS guardian {@code n} (same sis_id), with its own address. */
    Families secondAccount(String newN, String n, String email) {
        guardians.put(newN, new String[] {null, email, "g" + n});
        return this;
    }

    /** A student linked to these guardians on both sides. */
    Families student(String n, String email, String... guardianNs) {
        students.put(n, email);
        for (String g : guardianNs) {
            sisLinks.add(new String[] {n, g});
            ourLinks.add(new String[] {n, g});
        }
        return this;
    }

    Families staff(String n, String email) {
        staff.put(n, email);
        return this;
    }

    Families onlyInSis(String studentN, String guardianN) {
        ourLinks.removeIf(l -> l[0].equals(studentN) && l[1].equals(guardianN));
        return this;
    }

    Families onlyHere(String studentN, String guardianN) {
        sisLinks.removeIf(l -> l[0].equals(studentN) && l[1].equals(guardianN));
        if (ourLinks.stream().noneMatch(l -> l[0].equals(studentN) && l[1].equals(guardianN))) {
            ourLinks.add(new String[] {studentN, guardianN});
        }
        return this;
    }

    /** The SIS carries links on the guardians' rows only, as some SIS exports do. */
    Families sisLinksOnGuardiansOnly() {
        sisLinksOnGuardiansOnly = true;
        return this;
    }

    Families sisModified(String sisKey, Instant at) {
        sisModified.put(sisKey, at);
        return this;
    }

    Families elsewhere(String email, String customer, String guardianKey) {
        elsewhere.add(new GuardianEmailElsewhere(email, customer, guardianKey));
        return this;
    }

    RosterSnapshot sis() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.SIS, "test", TAKEN, null))
                .org(new Org("sch", "sch", "Test School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
        students.forEach((n, email) -> b.user(new RosterUser("s" + n, "s" + n, RoleType.STUDENT, "10" + n, "Kid" + n, "Núñez",
                email, null, List.of("04"), List.of("sch"), sisLinksOnGuardiansOnly ? List.of() : linked(sisLinks, n, 0, "g"),
                LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, sisModified.get("s" + n))));
        staff.forEach((n, email) -> b.user(new RosterUser("t" + n, "t" + n, RoleType.TEACHER, null, "Teach" + n, "Díaz",
                email, null, List.of(), List.of("sch"), List.of(), null, true, RecordStatus.ACTIVE, null)));
        guardians.forEach((n, g) -> {
            if (("g" + n).equals(g[2])) {
                b.user(new RosterUser("g" + n, "g" + n, RoleType.GUARDIAN, null, "Parent" + n, "O'Brien", g[0], null,
                        List.of(), List.of("sch"), linked(sisLinks, n, 1, "s"), null, true, RecordStatus.ACTIVE,
                        sisModified.get("g" + n)));
            }
        });
        return b.build();
    }

    RosterSnapshot ours() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.OURS, "test", TAKEN, LAST_SYNC))
                .org(new Org("cp", "sch", "Test School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
        students.forEach((n, email) -> b.user(new RosterUser("bs" + n, "s" + n, RoleType.STUDENT, "10" + n, "Kid" + n, "Núñez",
                email, null, List.of("04"), List.of("cp"), linked(ourLinks, n, 0, "bg"), LocalDate.of(2016, 5, 4), true,
                RecordStatus.ACTIVE, null)));
        staff.forEach((n, email) -> b.user(new RosterUser("bt" + n, "t" + n, RoleType.TEACHER, null, "Teach" + n, "Díaz",
                email, null, List.of(), List.of("cp"), List.of(), null, true, RecordStatus.ACTIVE, null)));
        guardians.forEach((n, g) -> b.user(new RosterUser("bg" + n, g[2], RoleType.GUARDIAN, null, "Parent" + n, "O'Brien",
                g[1], null, List.of(), List.of(), linked(ourLinks, n, 1, "bs"), null, true, RecordStatus.ACTIVE, null)));
        elsewhere.forEach(b::guardianEmailElsewhere);
        return b.build();
    }

    /** The other ends of the links whose {@code side} end is {@code n}, with the key prefix of the other end. */
    private static List<String> linked(List<String[]> links, String n, int side, String prefix) {
        List<String> out = new ArrayList<>();
        for (String[] l : links) {
            if (l[side].equals(n)) {
                out.add(prefix + l[1 - side]);
            }
        }
        return out;
    }
}
