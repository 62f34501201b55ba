package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.demo.DistrictModel.CourseDef;
import com.bookmarked.cdt.core.demo.DistrictModel.DanglingMembership;
import com.bookmarked.cdt.core.demo.DistrictModel.Guardian;
import com.bookmarked.cdt.core.demo.DistrictModel.Membership;
import com.bookmarked.cdt.core.demo.DistrictModel.OtherGuardian;
import com.bookmarked.cdt.core.demo.DistrictModel.School;
import com.bookmarked.cdt.core.demo.DistrictModel.Seat;
import com.bookmarked.cdt.core.demo.DistrictModel.Section;
import com.bookmarked.cdt.core.demo.DistrictModel.Student;
import com.bookmarked.cdt.core.demo.DistrictModel.Teacher;
import com.bookmarked.cdt.core.demo.DistrictModel.Term;
import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Plants the problems of every tool into a clean district and records each in the truth. Every
 * planted problem touches records no other planted problem touches, and is shaped so that only
 * its own category (see docs/demo-district.md) describes it.
 */
final class Planting {

    static final double RATE = 0.004;
    static final LocalDate AS_OF = DemoDistrictGenerator.AS_OF;

    private final DistrictModel m;
    private final DistrictBuilder base;
    private final SplittableRandom rnd;
    private final int count;
    private final int[] studentOrder;
    private final int[] guardianOrder;
    private final int[] teacherOrder;
    private final int[] sectionOrder;
    private final List<Section> horizonSections = new ArrayList<>();
    /** Sections already carrying a planted problem. */
    private final java.util.Set<Integer> usedSections = new java.util.HashSet<>();
    private int extraStudentNo;

    Planting(DistrictModel model, DistrictBuilder base, SplittableRandom rnd) {
        this.m = model;
        this.base = base;
        this.rnd = rnd;
        this.count = Math.max(1, (int) Math.round(model.spec.students() * RATE));
        this.studentOrder = base.permutation(m.students.size());
        this.guardianOrder = base.permutation(m.guardians.size());
        this.teacherOrder = base.permutation(m.teachers.size());
        this.sectionOrder = base.permutation(m.sections.size());
        this.extraStudentNo = m.students.size();
    }

    void plantAll() {
        campusTransfer();
        studentMismatch();
        missingData();
        parentEmail();
    }

    // ---------------------------------------------------------------- picking records

    /** Walks one fixed permutation; each kind of problem keeps its own cursor. */
    private final class Pool<T> {
        private final int[] order;
        private final List<T> items;
        private int cursor;

        Pool(int[] order, List<T> items) {
            this.order = order;
            this.items = items;
        }

        T next(Predicate<T> fits) {
            while (cursor < order.length) {
                T candidate = items.get(order[cursor++]);
                if (fits.test(candidate)) {
                    return candidate;
                }
            }
            throw new IllegalStateException("the demo district is too small to plant every problem");
        }
    }

    private Pool<Student> students() {
        return new Pool<>(studentOrder, m.students);
    }

    private static boolean clean(Student s) {
        return !s.used && s.inSis && s.inOurs && s.school.mapped && !s.seats.isEmpty();
    }

    private static boolean clean(Guardian g) {
        return !g.used;
    }

    private static boolean clean(Teacher t) {
        return !t.used && t.inOurs && t.email != null;
    }

    private void record(String tool, String category, String rule, String what, TruthEntity... entities) {
        m.problems.add(new PlantedProblem(tool, category, rule, List.of(entities), what));
    }

    private static TruthEntity sis(EntityType type, String key) {
        return new TruthEntity(SnapshotSide.SIS, type, key);
    }

    private static TruthEntity ours(EntityType type, String key) {
        return new TruthEntity(SnapshotSide.OURS, type, key);
    }

    private static TruthEntity sisStudent(Student s) {
        return sis(EntityType.STUDENT, s.sisId);
    }

    private static TruthEntity oursStudent(Student s) {
        return ours(EntityType.STUDENT, s.oursKey);
    }

    // ---------------------------------------------------------------- campus-transfer

    private void campusTransfer() {
        String tool = "campus-transfer";
        Pool<Student> movers = students();
        Predicate<Student> canMove = s -> clean(s) && base.schoolsByLevel.get(s.school.level).size() > 1;
        for (int i = 0; i < count; i++) {
            Student s = movers.next(canMove);
            LocalDate day = transferDay();
            List<Membership> before = s.membershipsOnOurs();
            School from = s.school;
            transfer(s, otherSchool(s.school), day);
            s.oursMemberships = before;
            s.oursSchool = from;
            s.used = true;
            record(tool, "CAMPUS_MISMATCH", null, "moved in the SIS on " + day + ", before our last sync; we still show the old campus",
                    sisStudent(s), oursStudent(s));
        }
        for (int i = 0; i < count; i++) {
            Student s = movers.next(canMove);
            LocalDate day = transferDay();
            School from = s.school;
            List<Seat> oldSeats = transfer(s, otherSchool(s.school), day);
            // Our side followed the move, but one class membership at the old campus was never closed.
            List<Membership> ours = new ArrayList<>();
            String staleKey = null;
            for (Seat seat : oldSeats) {
                boolean keepOpen = staleKey == null && seat.section.course.term == Term.YEAR;
                if (keepOpen) {
                    staleKey = seat.section.oursKey + "/" + s.oursKey;
                }
                ours.add(new Membership(seat.section.oursKey, "student", seat.begin, keepOpen ? null : day.minusDays(1)));
            }
            for (Seat seat : s.seats) {
                if (seat.school != from) {
                    ours.add(new Membership(seat.section.oursKey, "student", seat.begin, null));
                }
            }
            s.oursMemberships = ours;
            s.oursSchool = s.school;
            s.used = true;
            record(tool, "STALE_ENROLLMENT_AT_OLD_CAMPUS", null, "moved on " + day + "; our membership in a class at the old campus is still open",
                    sisStudent(s), oursStudent(s), ours(EntityType.ENROLLMENT, staleKey));
        }
        for (int i = 0; i < count; i++) {
            Student s = movers.next(canMove);
            List<Membership> before = s.membershipsOnOurs();
            School from = s.school;
            transfer(s, otherSchool(s.school), AS_OF);
            s.oursMemberships = before;
            s.oursSchool = from;
            s.used = true;
            record(tool, "PENDING_SYNC", null, "moved in the SIS on " + AS_OF + ", after our last sync; the next sync will carry it",
                    sisStudent(s), oursStudent(s));
        }
        Pool<Section> targets = new Pool<>(sectionOrder, m.sections);
        for (int i = 0; i < count; i++) {
            Student s = movers.next(Planting::clean);
            Section elsewhere = targets.next(x -> x.school.mapped && x.school != s.school && x.course.term != Term.SPRING);
            s.oursMemberships = s.membershipsOnOurs();
            base.seat(s, elsewhere, elsewhere.course.term.start);
            s.used = true;
            record(tool, "CONCURRENT_CAMPUSES", null, "enrolled in a class at a second campus while still at the first",
                    sisStudent(s), oursStudent(s));
        }
        for (int i = 0; i < count; i++) {
            Student s = movers.next(Planting::clean);
            LocalDate day = transferDay();
            List<Membership> before = s.membershipsOnOurs();
            School from = s.school;
            closeSeatsAt(s, day);
            Section program = horizonSection();
            base.seat(s, program, day);
            s.school = base.horizon;
            s.oursMemberships = before;
            s.oursSchool = from;
            s.used = true;
            record(tool, "UNMAPPED_CAMPUS", null, "moved to " + base.horizon.name + ", a school we have not mapped",
                    sisStudent(s), oursStudent(s));
        }
    }

    private LocalDate transferDay() {
        return LocalDate.of(2026, 9, 14).plusDays(rnd.nextInt(47));
    }

    private School otherSchool(School current) {
        List<School> options = base.schoolsByLevel.get(current.level);
        School other;
        do {
            other = options.get(rnd.nextInt(options.size()));
        } while (other == current);
        return other;
    }

    /** Ends the student's seats on the day before {@code day} (dropping seats not yet begun); returns the ended ones. */
    private List<Seat> closeSeatsAt(Student s, LocalDate day) {
        List<Seat> ended = new ArrayList<>();
        List<Seat> kept = new ArrayList<>();
        for (Seat seat : s.seats) {
            if (!seat.begin.isBefore(day)) {
                continue;
            }
            Seat closed = new Seat(seat.sisId, seat.section, seat.phantomClassId, seat.school, seat.begin, day.minusDays(1));
            kept.add(closed);
            ended.add(closed);
        }
        s.seats.clear();
        s.seats.addAll(kept);
        return ended;
    }

    /** The SIS side of a move: old seats end, new seats at the same courses of the new school begin. */
    private List<Seat> transfer(Student s, School to, LocalDate day) {
        List<Seat> ended = closeSeatsAt(s, day);
        for (CourseDef course : base.coursesByGrade.get(s.grade)) {
            List<Section> options = base.sectionsBySchoolCourse.get(to.sisId + '|' + course.sisId);
            Section section = options.get(rnd.nextInt(options.size()));
            base.seat(s, section, day.isAfter(course.term.start) ? day : course.term.start);
        }
        s.school = to;
        return ended;
    }

    private Section horizonSection() {
        Section last = horizonSections.isEmpty() ? null : horizonSections.get(horizonSections.size() - 1);
        if (last == null || last.students >= 20) {
            CourseDef program = m.courses.get(m.courses.size() - 1);
            last = base.newSection(base.horizon, program, horizonSections.size() + 1);
            horizonSections.add(last);
        }
        return last;
    }

    // ---------------------------------------------------------------- student-mismatch

    private void studentMismatch() {
        String tool = "student-mismatch";
        Pool<Student> pool = students();
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            s.inOurs = false;
            s.used = true;
            record(tool, "MISSING_IN_OURS", null, "in the SIS, never created on our side", sisStudent(s));
        }
        for (int i = 0; i < count; i++) {
            Student o = orphan(i);
            record(tool, "ORPHANED_IN_OURS", null, "on our side only; the SIS no longer has this student", oursStudent(o));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            s.sisId = String.format("stu-%07d", 1_000_000 + s.no);
            s.used = true;
            record(tool, "REKEYED", null, "the SIS gave this student a new sourcedId; we still hold the old one",
                    sisStudent(s), oursStudent(s));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            Student copy = extraStudent();
            copy.inSis = false;
            copy.oursSisId = s.sisId;
            copy.oursLocalNumber = s.identifier;
            copy.oursGiven = s.given;
            copy.oursFamily = s.family;
            copy.oursGrade = s.grade;
            copy.oursBirth = s.birth;
            copy.oursEmail = s.email;
            copy.oursSchool = s.school;
            copy.school = s.school;
            copy.oursGuardians = new ArrayList<>(s.guardians);
            copy.oursMemberships = List.of();
            copy.used = true;
            s.used = true;
            m.students.add(copy);
            record(tool, "DUPLICATE_IN_OURS", null, "two of our student records for the same SIS student",
                    oursStudent(s), oursStudent(copy));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            Student copy = extraStudent();
            copy.sisId = String.format("stu-%07d", 1_500_000 + s.no);
            copy.inOurs = false;
            copy.identifier = s.identifier;
            copy.given = s.given;
            copy.family = s.family;
            copy.grade = s.grade;
            copy.birth = s.birth;
            copy.email = s.email;
            copy.username = s.username;
            copy.sex = s.sex;
            copy.school = s.school;
            for (Seat seat : s.seats) {
                copy.seats.add(new Seat(m.nextEnrollmentId(), seat.section, null, seat.school, seat.begin, seat.end));
            }
            copy.used = true;
            s.used = true;
            m.students.add(copy);
            record(tool, "DUPLICATE_IN_SIS", null, "the SIS holds the same student twice under two sourcedIds",
                    sisStudent(s), sisStudent(copy));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            if (i % 2 == 0) {
                s.sisEnabled = false;
            } else {
                s.oursActive = false;
            }
            s.used = true;
            record(tool, "STATUS_MISMATCH", null, i % 2 == 0 ? "disabled in the SIS, active on our side" : "active in the SIS, inactive on our side",
                    sisStudent(s), oursStudent(s));
        }
        for (int i = 0; i < count; i++) {
            int variant = i % 4;
            Student s = pool.next(x -> clean(x) && (variant != 3 || (DistrictBuilder.gradeIndex(x.grade) > 0
                    && base.claimIdentity(x.given, x.family, null, x.school,
                    DistrictBuilder.GRADES[DistrictBuilder.gradeIndex(x.grade) - 1]))));
            String field = drift(s, variant);
            s.used = true;
            record(tool, "FIELD_DRIFT", null, field + " differs between the SIS and our side", sisStudent(s), oursStudent(s));
        }
    }

    private Student extraStudent() {
        extraStudentNo++;
        Student s = new Student(extraStudentNo, null, String.format("bk-st-%06d", extraStudentNo));
        return s;
    }

    private Student orphan(int i) {
        Student o = extraStudent();
        o.inSis = false;
        o.identifier = String.valueOf(900000 + i);
        int g = rnd.nextInt(DistrictBuilder.GRADES.length);
        o.grade = DistrictBuilder.GRADES[g];
        List<School> options = base.schoolsByLevel.get(DistrictBuilder.levelOf(g));
        o.school = options.get(rnd.nextInt(options.size()));
        o.family = base.familyName();
        LocalDate earliest = LocalDate.of(2020 - g, 9, 2);
        do {
            o.given = NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size()));
            o.birth = earliest.plusDays(rnd.nextInt(365));
        } while (!base.claimIdentity(o.given, o.family, o.birth, o.school, o.grade));
        o.email = NameLists.ascii(o.given) + "." + NameLists.ascii(o.family) + "." + o.identifier + "@" + NameLists.STUDENT_DOMAIN;
        o.copySisValuesToOurs();
        o.oursSisId = String.format("stu-%07d", 8_000_000 + i);
        List<Membership> memberships = new ArrayList<>();
        for (CourseDef course : base.coursesByGrade.get(o.grade)) {
            List<Section> sections = base.sectionsBySchoolCourse.get(o.school.sisId + '|' + course.sisId);
            Section section = sections.get(rnd.nextInt(sections.size()));
            memberships.add(new Membership(section.oursKey, "student", course.term.start, null));
        }
        o.oursMemberships = memberships;
        o.used = true;
        m.students.add(o);
        return o;
    }

    private String drift(Student s, int variant) {
        switch (variant) {
            case 0 -> {
                String family;
                do {
                    family = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
                } while (NameLists.ascii(family).equals(NameLists.ascii(s.family))
                        || !base.claimIdentity(s.given, family, s.birth, s.school, s.grade));
                s.oursFamily = family;
                return "familyName";
            }
            case 1 -> {
                String given;
                do {
                    given = NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size()));
                } while (NameLists.ascii(given).equals(NameLists.ascii(s.given))
                        || !base.claimIdentity(given, s.family, s.birth, s.school, s.grade));
                s.oursGiven = given;
                return "givenName";
            }
            case 2 -> {
                LocalDate birth;
                do {
                    birth = s.birth.plusDays(rnd.nextBoolean() ? 1 + rnd.nextInt(40) : -1 - rnd.nextInt(40));
                } while (!base.claimIdentity(s.given, s.family, birth, s.school, null));
                s.oursBirth = birth;
                return "birthDate";
            }
            default -> {
                s.oursGrade = DistrictBuilder.GRADES[DistrictBuilder.gradeIndex(s.grade) - 1];
                return "grade";
            }
        }
    }

    // ---------------------------------------------------------------- missing-data

    private void missingData() {
        String tool = "missing-data";
        Pool<Student> pool = students();
        Pool<Teacher> teachers = new Pool<>(teacherOrder, m.teachers);
        Pool<Section> sections = new Pool<>(sectionOrder, m.sections);
        for (int i = 0; i < count; i++) {
            String category = "MISSING_REQUIRED_FIELD";
            switch (i % 4) {
                case 0 -> {
                    Student s = pool.next(Planting::clean);
                    s.identifier = null;
                    s.oursLocalNumber = null;
                    s.used = true;
                    record(tool, category, "sis.student.required.identifier", "no student number in the SIS (nor on our side)",
                            sisStudent(s), oursStudent(s));
                }
                case 1 -> {
                    Student s = pool.next(Planting::clean);
                    s.grade = null;
                    s.oursGrade = null;
                    s.used = true;
                    record(tool, category, "sis.student.required.grades", "no grade in the SIS (nor on our side)",
                            sisStudent(s), oursStudent(s));
                }
                case 2 -> {
                    Student s = pool.next(Planting::clean);
                    s.birth = null;
                    s.oursBirth = null;
                    s.used = true;
                    record(tool, category, "sis.student.required.birthDate", "no birth date in the SIS (nor on our side)",
                            sisStudent(s), oursStudent(s));
                }
                default -> {
                    Teacher t = teachers.next(Planting::clean);
                    t.email = null;
                    t.oursEmail = null;
                    t.used = true;
                    record(tool, category, "sis.staff.required.email", "teacher without an email in the SIS (nor on our side)",
                            sis(EntityType.STAFF, t.sisId), ours(EntityType.STAFF, t.oursKey));
                }
            }
        }
        for (int i = 0; i < count; i++) {
            String category = "UNRESOLVED_REFERENCE";
            switch (i % 3) {
                case 0 -> {
                    Student s = pool.next(Planting::clean);
                    Seat phantom = new Seat(m.nextEnrollmentId(), null, String.format("cls-%06d", 900000 + i), s.school,
                            Term.YEAR.start, Term.YEAR.end);
                    s.oursMemberships = s.membershipsOnOurs();
                    s.seats.add(phantom);
                    s.used = true;
                    record(tool, category, "sis.enrollment.ref.class", "SIS enrollment in a class missing from the export",
                            sis(EntityType.ENROLLMENT, phantom.sisId));
                }
                case 1 -> {
                    Section section = sections.next(x -> x.school.mapped && x.teacher != null && !usedSections.contains(x.no));
                    section.courseRefOverride = String.format("crs-retired-%04d", i);
                    usedSections.add(section.no);
                    record(tool, category, "sis.class.ref.course", "SIS class points at a course missing from the export",
                            sis(EntityType.CLASS, section.sisId), ours(EntityType.CLASS, section.oursKey));
                }
                default -> {
                    Teacher t = teachers.next(Planting::clean);
                    String classKey = String.format("bk-cl-%06d", 900000 + i);
                    m.danglingMemberships.add(new DanglingMembership(classKey, t.oursKey, "teacher", Term.YEAR.start));
                    t.used = true;
                    record(tool, category, "ours.enrollment.ref.class", "our class membership points at a class that no longer exists",
                            ours(EntityType.ENROLLMENT, classKey + "/" + t.oursKey));
                }
            }
        }
        for (int i = 0; i < count; i++) {
            Section section = sections.next(x -> x.school.mapped && x.teacher != null && x.teacher.sections > 1
                    && !usedSections.contains(x.no));
            section.teacher.sections--;
            section.teacher = null;
            section.teacherEnrollmentId = null;
            usedSections.add(section.no);
            record(tool, "CLASS_WITHOUT_TEACHER", "sis.class.teacher", "class without a teacher, in the SIS and here",
                    sis(EntityType.CLASS, section.sisId), ours(EntityType.CLASS, section.oursKey));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(Planting::clean);
            for (Seat seat : s.seats) {
                if (seat.section != null) {
                    seat.section.students--;
                }
            }
            s.seats.clear();
            s.used = true;
            record(tool, "STUDENT_WITHOUT_ENROLLMENT", "sis.student.enrollment", "active student in no class, in the SIS and here",
                    sisStudent(s), oursStudent(s));
        }
        for (int i = 0; i < count; i++) {
            String category = "MISSING_HERE_PRESENT_IN_SIS";
            switch (i % 4) {
                case 0 -> {
                    Student s = pool.next(Planting::clean);
                    s.oursBirth = null;
                    s.used = true;
                    record(tool, category, "ours.student.missing.birthDate", "the SIS has the birth date, we do not",
                            sisStudent(s), oursStudent(s));
                }
                case 1 -> {
                    Student s = pool.next(Planting::clean);
                    s.oursEmail = null;
                    s.used = true;
                    record(tool, category, "ours.student.missing.email", "the SIS has the email, we do not",
                            sisStudent(s), oursStudent(s));
                }
                case 2 -> {
                    Student s = pool.next(Planting::clean);
                    s.oursLocalNumber = null;
                    s.used = true;
                    record(tool, category, "ours.student.missing.identifier", "the SIS has the student number, we do not",
                            sisStudent(s), oursStudent(s));
                }
                default -> {
                    Teacher t = teachers.next(Planting::clean);
                    t.oursEmail = null;
                    t.used = true;
                    record(tool, category, "ours.staff.missing.email", "the SIS has the teacher's email, we do not",
                            sis(EntityType.STAFF, t.sisId), ours(EntityType.STAFF, t.oursKey));
                }
            }
        }
    }

    // ---------------------------------------------------------------- parent-email-conflict

    private static final String[] PLACEHOLDERS = {
            "noemail@demo-usd.example", "none@demo-usd.example", "unknown@demo-usd.example",
            "na@demo-usd.example", "noreply@demo-usd.example", "nomail@demo-usd.example"};

    private void parentEmail() {
        String tool = "parent-email-conflict";
        Pool<Guardian> guardians = new Pool<>(guardianOrder, m.guardians);
        Pool<Student> pool = students();
        Pool<Teacher> teachers = new Pool<>(teacherOrder, m.teachers);
        for (int i = 0; i < count; i++) {
            Student s = pool.next(x -> x.inSis && x.guardians.size() == 2 && clean(x.guardians.get(0)) && clean(x.guardians.get(1)));
            Guardian a = s.guardians.get(0);
            Guardian b = s.guardians.get(1);
            b.email = a.email;
            b.oursEmail = a.oursEmail;
            a.used = true;
            b.used = true;
            record(tool, "SHARED_EMAIL", null, "two guardian accounts with one email",
                    ours(EntityType.GUARDIAN, a.oursKey), ours(EntityType.GUARDIAN, b.oursKey));
        }
        for (int i = 0; i < count; i++) {
            Guardian g = guardians.next(Planting::clean);
            String key = String.format("bk-ot-gd-%05d", m.otherCustomerGuardians.size() + 1);
            m.otherCustomerGuardians.add(new OtherGuardian(key, NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size())),
                    g.family, g.email));
            g.used = true;
            record(tool, "CROSS_CUSTOMER_EMAIL", null, "the same email is a guardian account of another customer",
                    ours(EntityType.GUARDIAN, g.oursKey), ours(EntityType.GUARDIAN, key));
        }
        for (int i = 0; i < count; i++) {
            if (i % 2 == 0) {
                Student s = pool.next(x -> clean(x) && x.email != null && x.guardians.stream().anyMatch(Planting::clean));
                Guardian g = s.guardians.stream().filter(Planting::clean).findFirst().orElseThrow();
                g.email = s.email;
                g.oursEmail = s.email;
                g.used = true;
                s.used = true;
                record(tool, "EMAIL_OF_STUDENT_OR_STAFF", null, "guardian uses their child's student email",
                        ours(EntityType.GUARDIAN, g.oursKey), oursStudent(s));
            } else {
                Teacher t = teachers.next(Planting::clean);
                Guardian g = guardians.next(Planting::clean);
                g.email = t.email;
                g.oursEmail = t.email;
                g.used = true;
                t.used = true;
                record(tool, "EMAIL_OF_STUDENT_OR_STAFF", null, "guardian uses a staff member's email",
                        ours(EntityType.GUARDIAN, g.oursKey), ours(EntityType.STAFF, t.oursKey));
            }
        }
        for (int i = 0; i < count; i++) {
            Guardian g = guardians.next(Planting::clean);
            g.email = PLACEHOLDERS[i % PLACEHOLDERS.length];
            g.oursEmail = g.email;
            g.used = true;
            record(tool, "PLACEHOLDER_EMAIL", null, "placeholder address instead of a real one", ours(EntityType.GUARDIAN, g.oursKey));
        }
        for (int i = 0; i < count; i++) {
            Guardian g = guardians.next(Planting::clean);
            int at = g.email.indexOf('@');
            String local = g.email.substring(0, at);
            String domain = g.email.substring(at + 1);
            g.email = switch (i % 4) {
                case 0 -> local + "." + domain;
                case 1 -> local + "@@" + domain;
                case 2 -> local + "@" + domain.replace('.', ',');
                default -> local + "@" + domain.replace(".", "..");
            };
            g.oursEmail = g.email;
            g.used = true;
            record(tool, "INVALID_EMAIL", null, "malformed address", ours(EntityType.GUARDIAN, g.oursKey));
        }
        for (int i = 0; i < count; i++) {
            Guardian g = guardians.next(Planting::clean);
            g.oursEmail = switch (i % 3) {
                case 0 -> capitalised(g.email) + " ";
                case 1 -> g.email.toUpperCase(Locale.ROOT);
                default -> " " + capitalised(g.email);
            };
            g.used = true;
            record(tool, "CASE_OR_WHITESPACE_VARIANT", null, "our copy of the email differs from the SIS's only by case or spaces",
                    ours(EntityType.GUARDIAN, g.oursKey));
        }
        for (int i = 0; i < count; i++) {
            Student s = pool.next(x -> clean(x) && x.guardians.stream().anyMatch(Planting::clean));
            Guardian g = s.guardians.stream().filter(Planting::clean).findFirst().orElseThrow();
            List<Guardian> linked = new ArrayList<>(s.guardians);
            linked.remove(g);
            s.oursGuardians = linked;
            s.used = true;
            g.used = true;
            record(tool, "GUARDIAN_LINK_MISMATCH", null, "the SIS links this guardian to the student; we do not",
                    sisStudent(s), oursStudent(s), sis(EntityType.GUARDIAN, g.sisId), ours(EntityType.GUARDIAN, g.oursKey));
        }
        // A few ordinary guardians of the other customer, sharing nothing with ours.
        for (int i = 0; i < 3; i++) {
            String key = String.format("bk-ot-gd-%05d", m.otherCustomerGuardians.size() + 1);
            String given = NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size()));
            String family = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
            m.otherCustomerGuardians.add(new OtherGuardian(key, given, family,
                    NameLists.ascii(given) + "." + NameLists.ascii(family) + "." + (i + 1) + "@" + NameLists.OTHER_CUSTOMER_DOMAIN));
        }
    }

    private static String capitalised(String email) {
        StringBuilder out = new StringBuilder(email.length());
        boolean start = true;
        for (char c : email.toCharArray()) {
            out.append(start ? Character.toUpperCase(c) : c);
            start = c == '.' || c == '@';
        }
        return out.toString();
    }
}
