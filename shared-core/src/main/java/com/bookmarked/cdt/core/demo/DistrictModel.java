package com.bookmarked.cdt.core.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The generated district before it is turned into files or snapshots: plain mutable objects, with
 * the SIS's values and our side's values held separately wherever a planted problem makes them
 * differ. Ids are strings fixed at creation so that every output agrees on them.
 */
final class DistrictModel {

    final DemoSpec spec;
    final List<School> schools = new ArrayList<>();
    final List<CourseDef> courses = new ArrayList<>();
    final List<Section> sections = new ArrayList<>();
    final List<Teacher> teachers = new ArrayList<>();
    /** SIS students, our-only students and SIS-only duplicates, in output order. */
    final List<Student> students = new ArrayList<>();
    final List<Guardian> guardians = new ArrayList<>();
    final List<OtherGuardian> otherCustomerGuardians = new ArrayList<>();
    /** Class memberships left in our database for classes that no longer exist. */
    final List<DanglingMembership> danglingMemberships = new ArrayList<>();
    final List<PlantedProblem> problems = new ArrayList<>();
    int nextEnrollment = 1;

    DistrictModel(DemoSpec spec) {
        this.spec = spec;
    }

    String nextEnrollmentId() {
        return String.format("enr-%07d", nextEnrollment++);
    }

    enum Level { ELEMENTARY, MIDDLE, HIGH, PROGRAM }

    enum Term {
        YEAR("ses-2027", "2026-2027 School Year", "schoolYear", LocalDate.of(2026, 8, 17), LocalDate.of(2027, 6, 4)),
        FALL("ses-2027-fall", "Fall Semester 2026", "semester", LocalDate.of(2026, 8, 17), LocalDate.of(2026, 12, 18)),
        SPRING("ses-2027-spring", "Spring Semester 2027", "semester", LocalDate.of(2027, 1, 5), LocalDate.of(2027, 6, 4));

        final String sourcedId;
        final String title;
        final String type;
        final LocalDate start;
        final LocalDate end;

        Term(String sourcedId, String title, String type, LocalDate start, LocalDate end) {
            this.sourcedId = sourcedId;
            this.title = title;
            this.type = type;
            this.start = start;
            this.end = end;
        }
    }

    static final class School {
        final int no;
        final String sisId;
        final String oursKey;
        final String name;
        final Level level;
        final String identifier;
        /** False for the SIS school we never mapped (transfers into it cannot be shown). */
        final boolean mapped;

        School(int no, String sisId, String oursKey, String name, Level level, String identifier, boolean mapped) {
            this.no = no;
            this.sisId = sisId;
            this.oursKey = oursKey;
            this.name = name;
            this.level = level;
            this.identifier = identifier;
            this.mapped = mapped;
        }
    }

    static final class CourseDef {
        final String sisId;
        final String title;
        final String code;
        final String grade;
        final String subject;
        final Term term;
        final boolean homeroom;

        CourseDef(String sisId, String title, String code, String grade, String subject, Term term, boolean homeroom) {
            this.sisId = sisId;
            this.title = title;
            this.code = code;
            this.grade = grade;
            this.subject = subject;
            this.term = term;
            this.homeroom = homeroom;
        }
    }

    static final class Section {
        final int no;
        final String sisId;
        final String oursKey;
        final String title;
        final String classCode;
        final School school;
        final CourseDef course;
        final String room;
        Teacher teacher;
        String teacherEnrollmentId;
        /** Set when the SIS class points at a course missing from the export. */
        String courseRefOverride;
        int students;

        Section(int no, String sisId, String oursKey, String title, String classCode, School school, CourseDef course, String room) {
            this.no = no;
            this.sisId = sisId;
            this.oursKey = oursKey;
            this.title = title;
            this.classCode = classCode;
            this.school = school;
            this.course = course;
            this.room = room;
        }

        String courseRef() {
            return courseRefOverride != null ? courseRefOverride : course.sisId;
        }
    }

    static final class Teacher {
        final int no;
        final String sisId;
        final String oursKey;
        final String given;
        final String family;
        final School school;
        final String username;
        String email;
        String oursEmail;
        final boolean inOurs;
        int sections;
        boolean used;

        Teacher(int no, String sisId, String oursKey, String given, String family, School school, String email,
                String username, boolean inOurs) {
            this.no = no;
            this.sisId = sisId;
            this.oursKey = oursKey;
            this.given = given;
            this.family = family;
            this.school = school;
            this.email = email;
            this.oursEmail = email;
            this.username = username;
            this.inOurs = inOurs;
        }
    }

    /** A student's place in a class on the SIS side. */
    static final class Seat {
        final String sisId;
        /** Null when the enrollment points at a class missing from the export. */
        final Section section;
        final String phantomClassId;
        final School school;
        final LocalDate begin;
        final LocalDate end;

        Seat(String sisId, Section section, String phantomClassId, School school, LocalDate begin, LocalDate end) {
            this.sisId = sisId;
            this.section = section;
            this.phantomClassId = phantomClassId;
            this.school = school;
            this.begin = begin;
            this.end = end;
        }

        String classSourcedId() {
            return section != null ? section.sisId : phantomClassId;
        }
    }

    /** A class membership on our side (class_members row). */
    record Membership(String classKey, String role, LocalDate startedOn, LocalDate endedOn) {
    }

    record DanglingMembership(String classKey, String personKey, String role, LocalDate startedOn) {
    }

    static final class Student {
        final int no;
        String sisId;
        final String oursKey;
        boolean inSis = true;
        boolean inOurs = true;
        String identifier;
        String given;
        String family;
        String grade;
        LocalDate birth;
        String email;
        String username;
        String sex;
        School school;
        boolean sisEnabled = true;
        final List<Seat> seats = new ArrayList<>(6);
        final List<Guardian> guardians = new ArrayList<>(2);

        // Our side; copied from the SIS values at creation, then changed by planted problems.
        String oursSisId;
        String oursLocalNumber;
        String oursGiven;
        String oursFamily;
        String oursGrade;
        LocalDate oursBirth;
        String oursEmail;
        School oursSchool;
        boolean oursActive = true;
        /** Null: our memberships mirror the SIS seats. */
        List<Membership> oursMemberships;
        /** Null: our guardian links mirror the SIS's. */
        List<Guardian> oursGuardians;
        boolean used;

        Student(int no, String sisId, String oursKey) {
            this.no = no;
            this.sisId = sisId;
            this.oursKey = oursKey;
        }

        void copySisValuesToOurs() {
            oursSisId = sisId;
            oursLocalNumber = identifier;
            oursGiven = given;
            oursFamily = family;
            oursGrade = grade;
            oursBirth = birth;
            oursEmail = email;
            oursSchool = school;
        }

        List<Guardian> linkedGuardiansOnOurs() {
            return oursGuardians != null ? oursGuardians : guardians;
        }

        List<Membership> membershipsOnOurs() {
            if (oursMemberships != null) {
                return oursMemberships;
            }
            List<Membership> mirror = new ArrayList<>(seats.size());
            for (Seat seat : seats) {
                if (seat.section != null && seat.section.school.mapped) {
                    mirror.add(new Membership(seat.section.oursKey, "student", seat.begin, null));
                }
            }
            return mirror;
        }
    }

    static final class Guardian {
        final int no;
        final String sisId;
        final String oursKey;
        final String given;
        final String family;
        final String username;
        String email;
        String oursEmail;
        final List<Student> children = new ArrayList<>(2);
        boolean used;

        Guardian(int no, String sisId, String oursKey, String given, String family, String email, String username) {
            this.no = no;
            this.sisId = sisId;
            this.oursKey = oursKey;
            this.given = given;
            this.family = family;
            this.email = email;
            this.oursEmail = email;
            this.username = username;
        }
    }

    /** A guardian account of another customer, there only to share an email with one of ours. */
    record OtherGuardian(String key, String given, String family, String email) {
    }
}
