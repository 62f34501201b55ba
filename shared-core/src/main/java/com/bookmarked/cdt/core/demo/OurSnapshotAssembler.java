package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rows of the mapping's named queries (see default-mapping.yaml) into our side's
 * snapshot, the way the Bookmarked connector reads them: one method per query, fed row by row in
 * any order. Guardian links become agents on both ends, sorted by key because SQL gives no order;
 * a class member's key is {@code class_key/person_key} and its campus is its class's campus.
 */
public final class OurSnapshotAssembler {

    private final String customerId;
    private final String source;
    private final Instant fetchedAt;
    private Instant lastSyncAt;
    private final List<Org> campuses = new ArrayList<>();
    private final List<PersonRow> students = new ArrayList<>();
    private final List<PersonRow> staff = new ArrayList<>();
    private final List<PersonRow> guardians = new ArrayList<>();
    private final Map<String, List<String>> guardiansOfStudent = new HashMap<>();
    private final Map<String, List<String>> studentsOfGuardian = new HashMap<>();
    private final List<RosterClass> classes = new ArrayList<>();
    private final List<String[]> members = new ArrayList<>();
    private final List<LocalDate> memberEnds = new ArrayList<>();
    private final List<GuardianEmailElsewhere> elsewhere = new ArrayList<>();

    private record PersonRow(String key, RoleType role, @Nullable String campusKey, @Nullable String sisId,
                             @Nullable String localNumber, @Nullable String givenName, @Nullable String familyName,
                             @Nullable String grade, @Nullable LocalDate birthDate, @Nullable String email, boolean active) {
    }

    public OurSnapshotAssembler(String customerId, String source, Instant fetchedAt) {
        this.customerId = customerId;
        this.source = source;
        this.fetchedAt = fetchedAt;
    }

    public void customer(String customerKey, @Nullable String name, @Nullable Instant lastRosterSyncAt) {
        this.lastSyncAt = lastRosterSyncAt;
    }

    public void campus(String campusKey, @Nullable String name, @Nullable String sisOrgId) {
        campuses.add(new Org(campusKey, sisOrgId, name, Org.OrgType.SCHOOL, null, null, RecordStatus.ACTIVE));
    }

    public void student(String studentKey, @Nullable String campusKey, @Nullable String sisId, @Nullable String localNumber,
                        @Nullable String givenName, @Nullable String familyName, @Nullable String grade,
                        @Nullable LocalDate birthDate, @Nullable String email, boolean active) {
        students.add(new PersonRow(studentKey, RoleType.STUDENT, campusKey, sisId, localNumber, givenName, familyName, grade,
                birthDate, email, active));
    }

    public void staff(String staffKey, @Nullable String campusKey, @Nullable String sisId, @Nullable String givenName,
                      @Nullable String familyName, @Nullable String email, boolean active) {
        staff.add(new PersonRow(staffKey, RoleType.TEACHER, campusKey, sisId, null, givenName, familyName, null, null,
                email, active));
    }

    public void guardian(String guardianKey, @Nullable String sisId, @Nullable String email, @Nullable String givenName,
                         @Nullable String familyName) {
        guardians.add(new PersonRow(guardianKey, RoleType.GUARDIAN, null, sisId, null, givenName, familyName, null, null,
                email, true));
    }

    public void guardianLink(String studentKey, String guardianKey) {
        guardiansOfStudent.computeIfAbsent(studentKey, k -> new ArrayList<>(2)).add(guardianKey);
        studentsOfGuardian.computeIfAbsent(guardianKey, k -> new ArrayList<>(2)).add(studentKey);
    }

    public void rosterClass(String classKey, @Nullable String campusKey, @Nullable String sisId, @Nullable String title) {
        classes.add(new RosterClass(classKey, sisId, title, campusKey, null, List.of(), RecordStatus.ACTIVE));
    }

    public void classMember(String classKey, String personKey, String role, @Nullable LocalDate endedOn) {
        members.add(new String[] {classKey, personKey, role});
        memberEnds.add(endedOn);
    }

    public void guardianEmailElsewhere(String email, String customerKey, String guardianKey) {
        elsewhere.add(new GuardianEmailElsewhere(email, customerKey, guardianKey));
    }

    public RosterSnapshot build() {
        RosterSnapshot.Builder b = RosterSnapshot.builder(
                new SnapshotMeta(customerId, SnapshotSide.OURS, source, fetchedAt, lastSyncAt));
        campuses.forEach(b::org);
        for (PersonRow p : students) {
            b.user(user(p, guardiansOfStudent.get(p.key())));
        }
        for (PersonRow p : staff) {
            b.user(user(p, null));
        }
        for (PersonRow p : guardians) {
            b.user(user(p, studentsOfGuardian.get(p.key())));
        }
        Map<String, String> campusOfClass = new HashMap<>();
        for (RosterClass c : classes) {
            b.rosterClass(c);
            campusOfClass.put(c.sourcedId(), c.orgSourcedId());
        }
        for (int i = 0; i < members.size(); i++) {
            String[] m = members.get(i);
            b.enrollment(new Enrollment(m[0] + "/" + m[1], m[0], m[1], campusOfClass.get(m[0]), RoleType.fromOneRoster(m[2]),
                    false, null, memberEnds.get(i), RecordStatus.ACTIVE));
        }
        elsewhere.forEach(b::guardianEmailElsewhere);
        return b.build();
    }

    private static RosterUser user(PersonRow p, @Nullable List<String> agents) {
        List<String> sorted = agents == null ? List.of() : agents.stream().sorted().toList();
        return new RosterUser(p.key(), p.sisId(), p.role(), p.localNumber(), p.givenName(), p.familyName(), p.email(), null,
                p.grade() == null ? List.of() : List.of(p.grade()), p.campusKey() == null ? List.of() : List.of(p.campusKey()),
                sorted, p.birthDate(), p.active(), RecordStatus.ACTIVE, null);
    }
}
