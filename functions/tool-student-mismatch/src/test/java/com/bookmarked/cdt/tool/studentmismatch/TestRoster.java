package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Snapshots;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Small rosters for the resolver's tests: two schools mapped on both sides (SIS {@code sch-1},
 * {@code sch-2}; ours {@code cp-1}, {@code cp-2}), and students written one per line with a
 * fluent builder. Every test states all it relies on.
 */
final class TestRoster {

    static final Instant TAKEN = Instant.parse("2026-11-16T14:00:00Z");

    private final List<RosterUser> sis = new ArrayList<>();
    private final List<RosterUser> ours = new ArrayList<>();
    private final List<Enrollment> oursEnrollments = new ArrayList<>();

    /** A student record being written; {@link #sis()} or {@link #ours()} adds it. */
    final class Record {
        String key;
        String sisId;
        String number;
        String given;
        String family;
        LocalDate birth;
        String grade = "04";
        String campus;
        String email;
        boolean active = true;
        List<String> agents = List.of();
        String preferred;

        Record(String key, String given, String family, String birth) {
            this.key = key;
            this.given = given;
            this.family = family;
            this.birth = birth == null ? null : LocalDate.parse(birth);
        }

        Record sisId(String value) { sisId = value; return this; }
        Record number(String value) { number = value; return this; }
        Record grade(String value) { grade = value; return this; }
        Record campus(String value) { campus = value; return this; }
        Record email(String value) { email = value; return this; }
        Record inactive() { active = false; return this; }
        Record guardians(String... keys) { agents = List.of(keys); return this; }
        Record goesBy(String value) { preferred = value; return this; }

        TestRoster sis() {
            sis.add(new RosterUser(key, key, RoleType.STUDENT, number, given, family, email, null,
                    grade == null ? List.of() : List.of(grade), List.of(campus == null ? "sch-1" : campus), agents, birth, active,
                    RecordStatus.ACTIVE, null, null, preferred, null, null, null, List.of(), java.util.Map.of()));
            return TestRoster.this;
        }

        TestRoster ours() {
            ours.add(new RosterUser(key, sisId, RoleType.STUDENT, number, given, family, email, null,
                    grade == null ? List.of() : List.of(grade), List.of(campus == null ? "cp-1" : campus), agents, birth, active,
                    RecordStatus.ACTIVE, null));
            return TestRoster.this;
        }
    }

    static TestRoster roster() {
        return new TestRoster();
    }

    Record student(String key, String given, String family, String birth) {
        return new Record(key, given, family, birth);
    }

    /** Our student {@code person} sits in class {@code classKey} (an open membership). */
    TestRoster inClass(String person, String classKey) {
        oursEnrollments.add(new Enrollment(classKey + "/" + person, classKey, person, "cp-1", RoleType.STUDENT, false, null, null,
                RecordStatus.ACTIVE));
        return this;
    }

    Snapshots snapshots() {
        RosterSnapshot.Builder s = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.SIS, "test", TAKEN, null))
                .org(new Org("sch-1", "sch-1", "North School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE))
                .org(new Org("sch-2", "sch-2", "South School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
        sis.forEach(s::user);
        RosterSnapshot.Builder o = RosterSnapshot.builder(new SnapshotMeta("t", SnapshotSide.OURS, "test", TAKEN, null))
                .org(new Org("cp-1", "sch-1", "North School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE))
                .org(new Org("cp-2", "sch-2", "South School", Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
        ours.forEach(o::user);
        oursEnrollments.forEach(o::enrollment);
        return Snapshots.of(s.build(), o.build());
    }
}
