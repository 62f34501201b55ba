package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.demo.DistrictModel.CourseDef;
import com.bookmarked.cdt.core.demo.DistrictModel.Guardian;
import com.bookmarked.cdt.core.demo.DistrictModel.Level;
import com.bookmarked.cdt.core.demo.DistrictModel.School;
import com.bookmarked.cdt.core.demo.DistrictModel.Seat;
import com.bookmarked.cdt.core.demo.DistrictModel.Section;
import com.bookmarked.cdt.core.demo.DistrictModel.Student;
import com.bookmarked.cdt.core.demo.DistrictModel.Teacher;
import com.bookmarked.cdt.core.demo.DistrictModel.Term;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds the clean district: schools by size, households of students with shared guardians,
 * courses, class sections with teachers, and every student seated in the classes of their grade.
 * "Clean" means no tool rule fires on it: ids, emails and (normalised name, birth date) are unique.
 */
final class DistrictBuilder {

    static final String[] GRADES = {"KG", "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};
    private static final int SECTION_SIZE = 25;

    private final DistrictModel m;
    private final SplittableRandom rnd;
    /** Normalised name + birth date, and normalised name + campus + grade, of every student on either side. */
    final Set<String> identityKeys = new HashSet<>();
    final Map<Level, List<School>> schoolsByLevel = new HashMap<>();
    /** Sections of one school for one course, in creation order. */
    final Map<String, List<Section>> sectionsBySchoolCourse = new HashMap<>();
    final Map<String, List<CourseDef>> coursesByGrade = new HashMap<>();
    private final Map<String, Teacher> openTeacherBySchoolSubject = new HashMap<>();
    School horizon;

    DistrictBuilder(DistrictModel model, SplittableRandom rnd) {
        this.m = model;
        this.rnd = rnd;
    }

    static int gradeIndex(String grade) {
        for (int i = 0; i < GRADES.length; i++) {
            if (GRADES[i].equals(grade)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown grade " + grade);
    }

    static Level levelOf(int gradeIndex) {
        return gradeIndex <= 5 ? Level.ELEMENTARY : gradeIndex <= 8 ? Level.MIDDLE : Level.HIGH;
    }

    void build() {
        courses();
        schools();
        households();
        sections();
    }

    private void courses() {
        for (int g = 0; g < GRADES.length; g++) {
            String grade = GRADES[g];
            String label = g == 0 ? "Kindergarten" : "Grade " + Integer.parseInt(grade);
            String id = grade.toLowerCase(java.util.Locale.ROOT);
            List<CourseDef> list = new ArrayList<>();
            switch (levelOf(g)) {
                case ELEMENTARY -> {
                    list.add(course(id, "homeroom", label + " Homeroom", "HR", grade, "homeroom", Term.YEAR, true));
                    list.add(course(id, "art", "Art (" + label + ")", "ART", grade, "art", Term.FALL, false));
                    list.add(course(id, "music", "Music (" + label + ")", "MUS", grade, "music", Term.SPRING, false));
                }
                case MIDDLE -> {
                    int n = Integer.parseInt(grade);
                    list.add(course(id, "english", "English " + n, "ENG", grade, "english", Term.YEAR, false));
                    list.add(course(id, "math", "Math " + n, "MATH", grade, "math", Term.YEAR, false));
                    list.add(course(id, "science", "Science " + n, "SCI", grade, "science", Term.YEAR, false));
                    list.add(course(id, "social", "Social Studies " + n, "SOC", grade, "social", Term.YEAR, false));
                    list.add(course(id, "pe", "Physical Education " + n, "PE", grade, "pe", Term.FALL, false));
                    list.add(course(id, "arts", "Exploratory Arts " + n, "ARTS", grade, "arts", Term.SPRING, false));
                }
                default -> {
                    int k = g - 9;
                    String[] math = {"Algebra I", "Geometry", "Algebra II", "Precalculus"};
                    String[] science = {"Biology", "Chemistry", "Physics", "Environmental Science"};
                    String[] history = {"World History", "U.S. History", "Government", "Economics"};
                    String[] language = {"Spanish I", "Spanish II", "Spanish III", "Spanish IV"};
                    list.add(course(id, "english", "English " + Integer.parseInt(grade), "ENG", grade, "english", Term.YEAR, false));
                    list.add(course(id, "math", math[k], "MATH", grade, "math", Term.YEAR, false));
                    list.add(course(id, "science", science[k], "SCI", grade, "science", Term.YEAR, false));
                    list.add(course(id, "history", history[k], "HIST", grade, "history", Term.YEAR, false));
                    list.add(course(id, "health", "Health & Fitness, Grade " + Integer.parseInt(grade), "HLTH", grade, "health", Term.FALL, false));
                    list.add(course(id, "language", language[k], "SPAN", grade, "language", Term.SPRING, false));
                }
            }
            coursesByGrade.put(grade, list);
            m.courses.addAll(list);
        }
        m.courses.add(new CourseDef("crs-horizon", "Horizon Newcomer Program", "HNP", null, "newcomer", Term.YEAR, false));
    }

    private static CourseDef course(String gradeId, String slug, String title, String code, String grade, String subject,
                                    Term term, boolean homeroom) {
        return new CourseDef("crs-" + gradeId + "-" + slug, title, code + "-" + grade, grade, subject, term, homeroom);
    }

    private void schools() {
        int n = m.spec.students();
        int elementary = Math.max(2, (int) Math.round(n * 6.0 / 13 / 450));
        int middle = Math.max(1, (int) Math.round(n * 3.0 / 13 / 800));
        int high = Math.max(1, (int) Math.round(n * 4.0 / 13 / 1500));
        int combinations = NameLists.PLACE_FIRST.size() * NameLists.PLACE_SECOND.size();
        int[] names = permutation(combinations);
        int no = 1;
        no = addSchools(Level.ELEMENTARY, elementary, "Elementary School", names, 0, no);
        no = addSchools(Level.MIDDLE, middle, "Middle School", names, elementary, no);
        no = addSchools(Level.HIGH, high, "High School", names, elementary + middle, no);
        horizon = new School(no, "org-sch-horizon", null, "Horizon Newcomer Academy", Level.PROGRAM,
                String.format("06%05d", 90000 + no), false);
        m.schools.add(horizon);
    }

    private int addSchools(Level level, int count, String kind, int[] names, int offset, int no) {
        List<School> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int combo = names[(offset + i) % names.length];
            String name = NameLists.PLACE_FIRST.get(combo / NameLists.PLACE_SECOND.size()) + " "
                    + NameLists.PLACE_SECOND.get(combo % NameLists.PLACE_SECOND.size()) + " " + kind;
            if (offset + i >= names.length) {
                name = name + " " + (1 + (offset + i) / names.length);
            }
            School s = new School(no, String.format("org-sch-%04d", no), String.format("bk-cp-%04d", no), name, level,
                    String.format("06%05d", 10000 + no), true);
            list.add(s);
            m.schools.add(s);
            no++;
        }
        schoolsByLevel.put(level, list);
        return no;
    }

    private void households() {
        int n = m.spec.students();
        int created = 0;
        while (created < n) {
            int roll = rnd.nextInt(100);
            int size = roll < 45 ? 1 : roll < 80 ? 2 : roll < 95 ? 3 : 4;
            size = Math.min(size, n - created);
            String family = familyName();
            double neighbourhood = rnd.nextDouble();
            List<Guardian> guardians = new ArrayList<>(2);
            guardians.add(newGuardian(NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size())), family));
            if (rnd.nextInt(100) < 65) {
                String second = rnd.nextInt(100) < 55 ? family : NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
                guardians.add(newGuardian(NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size())), second));
            }
            boolean[] takenGrades = new boolean[GRADES.length];
            for (int c = 0; c < size; c++) {
                int g;
                do {
                    g = rnd.nextInt(GRADES.length);
                } while (takenGrades[g]);
                takenGrades[g] = true;
                List<School> options = schoolsByLevel.get(levelOf(g));
                School school = options.get(Math.min(options.size() - 1, (int) (neighbourhood * options.size())));
                Student s = newStudent(m.students.size() + 1, GRADES[g], family, school);
                for (Guardian guardian : guardians) {
                    s.guardians.add(guardian);
                    guardian.children.add(s);
                }
                m.students.add(s);
                created++;
            }
        }
    }

    String familyName() {
        int roll = rnd.nextInt(100);
        String first = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
        if (roll < 74) {
            return first;
        }
        String second;
        do {
            second = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
        } while (second.equals(first));
        return roll < 88 ? first + "-" + second : first + " " + second;
    }

    Guardian newGuardian(String given, String family) {
        int no = m.guardians.size() + 1;
        String domain = NameLists.GUARDIAN_DOMAINS.get(rnd.nextInt(NameLists.GUARDIAN_DOMAINS.size()));
        Guardian g = new Guardian(no, String.format("gdn-%06d", no), String.format("bk-gd-%06d", no), given, family,
                NameLists.ascii(given) + "." + NameLists.ascii(family) + "." + no + "@" + domain,
                String.format("p%06d", no));
        m.guardians.add(g);
        return g;
    }

    /** A student with a name and birth date no other student has, so that no tool sees a duplicate. */
    Student newStudent(int no, String grade, String family, School school) {
        Student s = new Student(no, String.format("stu-%06d", no), String.format("bk-st-%06d", no));
        s.identifier = String.valueOf(200000 + no);
        s.grade = grade;
        s.family = family;
        s.school = school;
        int g = gradeIndex(grade);
        LocalDate earliest = LocalDate.of(2020 - g, 9, 2);
        for (int attempt = 0; ; attempt++) {
            String given = NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size()));
            LocalDate birth = earliest.plusDays(rnd.nextInt(365));
            if (claimIdentity(given, family, birth, school, grade)) {
                s.given = given;
                s.birth = birth;
                break;
            }
            if (attempt > 10_000) {
                throw new IllegalStateException("could not find a unique name for a demo student");
            }
        }
        s.email = NameLists.ascii(s.given) + "." + NameLists.ascii(family) + "." + s.identifier + "@" + NameLists.STUDENT_DOMAIN;
        s.username = "s" + s.identifier;
        s.sex = rnd.nextBoolean() ? "female" : "male";
        s.copySisValuesToOurs();
        return s;
    }

    /**
     * Reserves the identity of a person; false (reserving nothing) when someone already has it.
     * A null birth date or grade leaves that key out, for changes that touch only the other one.
     */
    boolean claimIdentity(String given, String family, LocalDate birth, School school, String grade) {
        String name = NameLists.ascii(given) + ' ' + NameLists.ascii(family);
        String byBirth = birth == null ? null : name + '|' + birth;
        String byClass = grade == null ? null : name + '|' + (school == null ? "-" : school.sisId) + '|' + grade;
        if ((byBirth != null && identityKeys.contains(byBirth)) || (byClass != null && identityKeys.contains(byClass))) {
            return false;
        }
        if (byBirth != null) {
            identityKeys.add(byBirth);
        }
        if (byClass != null) {
            identityKeys.add(byClass);
        }
        return true;
    }

    private void sections() {
        // Students of each school and grade, in creation order.
        Map<String, List<Student>> groups = new HashMap<>();
        for (Student s : m.students) {
            groups.computeIfAbsent(s.school.sisId + '|' + s.grade, k -> new ArrayList<>()).add(s);
        }
        for (School school : m.schools) {
            if (!school.mapped) {
                continue;
            }
            for (int g = 0; g < GRADES.length; g++) {
                if (levelOf(g) != school.level) {
                    continue;
                }
                List<Student> group = groups.getOrDefault(school.sisId + '|' + GRADES[g], List.of());
                List<Student> order = new ArrayList<>(group);
                shuffle(order);
                List<CourseDef> courseList = coursesByGrade.get(GRADES[g]);
                for (int c = 0; c < courseList.size(); c++) {
                    CourseDef course = courseList.get(c);
                    int count = Math.max(1, (order.size() + SECTION_SIZE - 1) / SECTION_SIZE);
                    List<Section> made = new ArrayList<>(count);
                    for (int k = 0; k < count; k++) {
                        made.add(newSection(school, course, k + 1));
                    }
                    sectionsBySchoolCourse.put(school.sisId + '|' + course.sisId, made);
                    for (int j = 0; j < order.size(); j++) {
                        Section section = made.get((j + c * 7) % count);
                        seat(order.get(j), section, course.term.start);
                    }
                }
            }
        }
    }

    Section newSection(School school, CourseDef course, int number) {
        int no = m.sections.size() + 1;
        String title = course.title + (course.homeroom ? " — Room " : " — Section ") + (100 + number);
        Section section = new Section(no, String.format("cls-%06d", no),
                school.mapped ? String.format("bk-cl-%06d", no) : null, title,
                course.code + "-" + String.format("%02d", number), school, course, "Room " + (100 + rnd.nextInt(200)));
        Teacher teacher = teacherFor(school, course);
        section.teacher = teacher;
        section.teacherEnrollmentId = m.nextEnrollmentId();
        teacher.sections++;
        m.sections.add(section);
        return section;
    }

    private Teacher teacherFor(School school, CourseDef course) {
        int capacity = course.homeroom ? 1 : school.level == Level.ELEMENTARY ? 8 : 5;
        String key = school.sisId + '|' + course.subject;
        Teacher open = openTeacherBySchoolSubject.get(key);
        if (open == null || open.sections >= capacity) {
            open = newTeacher(school);
            openTeacherBySchoolSubject.put(key, open);
        }
        return open;
    }

    Teacher newTeacher(School school) {
        int no = m.teachers.size() + 1;
        String given = NameLists.GIVEN.get(rnd.nextInt(NameLists.GIVEN.size()));
        String family = NameLists.FAMILY.get(rnd.nextInt(NameLists.FAMILY.size()));
        Teacher t = new Teacher(no, String.format("tch-%05d", no), school.mapped ? String.format("bk-sf-%05d", no) : null,
                given, family, school,
                NameLists.ascii(given) + "." + NameLists.ascii(family) + ".t" + no + "@" + NameLists.STAFF_DOMAIN,
                String.format("t%05d", no), school.mapped);
        m.teachers.add(t);
        return t;
    }

    Seat seat(Student s, Section section, LocalDate begin) {
        Seat seat = new Seat(m.nextEnrollmentId(), section, null, section.school, begin, section.course.term.end);
        s.seats.add(seat);
        section.students++;
        return seat;
    }

    int[] permutation(int size) {
        int[] p = new int[size];
        for (int i = 0; i < size; i++) {
            p[i] = i;
        }
        for (int i = size - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            T t = list.get(i);
            list.set(i, list.get(j));
            list.set(j, t);
        }
    }
}
