package com.bookmarked.cdt.core.snapshot;

import com.bookmarked.cdt.core.roster.AcademicSession;
import com.bookmarked.cdt.core.roster.Course;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.Org;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One side's roster at one moment, normalised to the OneRoster-aligned model. Immutable; tools
 * build whatever indexes they need from it.
 */
public record RosterSnapshot(
        SnapshotMeta meta,
        List<Org> orgs,
        List<RosterUser> users,
        List<RosterClass> classes,
        List<Course> courses,
        List<AcademicSession> academicSessions,
        List<Enrollment> enrollments,
        List<GuardianEmailElsewhere> guardianEmailsElsewhere) {

    public RosterSnapshot {
        orgs = List.copyOf(orgs);
        users = List.copyOf(users);
        classes = List.copyOf(classes);
        courses = List.copyOf(courses);
        academicSessions = List.copyOf(academicSessions);
        enrollments = List.copyOf(enrollments);
        guardianEmailsElsewhere = List.copyOf(guardianEmailsElsewhere);
    }

    public Stream<RosterUser> usersWithRole(RoleType role) {
        return users.stream().filter(u -> u.role() == role);
    }

    public static Builder builder(SnapshotMeta meta) {
        return new Builder(meta);
    }

    /** Collects records as a connector streams them in. Not thread-safe. */
    public static final class Builder {
        private final SnapshotMeta meta;
        private final List<Org> orgs = new ArrayList<>();
        private final List<RosterUser> users = new ArrayList<>();
        private final List<RosterClass> classes = new ArrayList<>();
        private final List<Course> courses = new ArrayList<>();
        private final List<AcademicSession> sessions = new ArrayList<>();
        private final List<Enrollment> enrollments = new ArrayList<>();
        private final List<GuardianEmailElsewhere> elsewhere = new ArrayList<>();

        private Builder(SnapshotMeta meta) {
            this.meta = meta;
        }

        public Builder org(Org o) { orgs.add(o); return this; }
        public Builder user(RosterUser u) { users.add(u); return this; }
        public Builder rosterClass(RosterClass c) { classes.add(c); return this; }
        public Builder course(Course c) { courses.add(c); return this; }
        public Builder academicSession(AcademicSession s) { sessions.add(s); return this; }
        public Builder enrollment(Enrollment e) { enrollments.add(e); return this; }
        public Builder guardianEmailElsewhere(GuardianEmailElsewhere g) { elsewhere.add(g); return this; }

        public RosterSnapshot build() {
            return new RosterSnapshot(meta, orgs, users, classes, courses, sessions, enrollments, elsewhere);
        }
    }
}
