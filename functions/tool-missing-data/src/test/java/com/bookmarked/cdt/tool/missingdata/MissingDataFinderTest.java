package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bookmarked.cdt.tool.missingdata.Rosters.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MissingDataFinderTest {

    private final MissingDataFinder finder = new MissingDataFinder();

    private ToolResult run(RosterSnapshot sis, RosterSnapshot ours, Map<String, Object> parameters) {
        return finder.analyze(Snapshots.of(sis, ours), new ToolParameters(parameters), Progress.NONE);
    }

    private List<Finding> run(RosterSnapshot.Builder sis, RosterSnapshot.Builder ours) {
        return run(sis.build(), ours.build(), Map.of()).findings();
    }

    private static List<String> keys(Finding f) {
        return f.entities().stream().map(e -> e.side().wireName() + ":" + e.key()).toList();
    }

    @Test
    void cleanRostersGiveNoFindings() {
        assertThat(run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(oursStudent(), true))).isEmpty();
    }

    @Nested
    class RequiredFields {
        @Test
        void studentWithoutNumberIsReportedWithBothSides() {
            RosterUser s = student("s1", "s1", "sch", null, LocalDate.of(2016, 5, 4), "zoe@students.example", List.of("g1"));
            RosterUser o = new RosterUser("bs1", "s1", RoleType.STUDENT, null, "Zoë", "Núñez", "zoe@students.example", null,
                    List.of("04"), List.of("cp"), List.of("bg1"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null);
            List<Finding> findings = run(cleanSis(s, sisClass("crs"), true), cleanOurs(o, true));

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("MISSING_REQUIRED_FIELD");
                assertThat(f.rule()).isEqualTo("sis.student.required.identifier");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.title()).isEqualTo("Student s1 has no student number in the SIS");
                assertThat(keys(f)).containsExactly("sis:s1", "ours:bs1");
                assertThat(f.entities().get(0).values()).containsEntry("identifier", null).containsEntry("givenName", "Zoë");
                assertThat(f.resolution().action()).isEqualTo("fix-in-sis");
                assertThat(f.evidence()).containsEntry("field", "identifier").containsEntry("integrationType", "oneroster-csv");
            });
        }

        @Test
        void whatIsRequiredDependsOnTheIntegrationType() {
            RosterUser s = student("s1", "s1", "sch", "100", LocalDate.of(2016, 5, 4), null, List.of("g1"));
            RosterUser o = new RosterUser("bs1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", null, null, List.of("04"),
                    List.of("cp"), List.of("bg1"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null);
            RosterSnapshot sis = cleanSis(s, sisClass("crs"), true).build();
            RosterSnapshot ours = cleanOurs(o, true).build();

            assertThat(run(sis, ours, Map.of("integrationType", "oneroster-csv")).findings()).isEmpty();
            assertThat(run(sis, ours, Map.of("integrationType", "classlink")).findings()).extracting(Finding::rule)
                    .containsExactly("sis.student.required.email");
            assertThat(run(sis, ours, Map.of("integrationType", "oneroster-rest")).findings()).extracting(Finding::rule)
                    .containsExactly("sis.student.required.email");
        }

        @Test
        void usernameIsRequiredByTheCsvFeedButNotByClassLink() {
            RosterUser s = new RosterUser("s1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", "zoe@students.example", null,
                    List.of("04"), List.of("sch"), List.of("g1"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null);
            RosterSnapshot sis = cleanSis(s, sisClass("crs"), true).build();
            RosterSnapshot ours = cleanOurs(oursStudent(), true).build();
            assertThat(run(sis, ours, Map.of()).findings()).extracting(Finding::rule, Finding::severity)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("sis.student.required.username", Severity.WARNING));
            assertThat(run(sis, ours, Map.of("integrationType", "classlink")).findings()).isEmpty();
        }

        @Test
        void recordsMarkedForDeletionAreNotChecked() {
            RosterUser leaving = new RosterUser("s2", "s2", RoleType.STUDENT, null, null, null, null, null, List.of(), List.of(),
                    List.of(), null, true, RecordStatus.TOBEDELETED, null);
            assertThat(run(cleanSis(sisStudent(), sisClass("crs"), true).user(leaving), cleanOurs(oursStudent(), true))).isEmpty();
        }

        @Test
        void classWithoutCourseIsAMissingFieldNotAReference() {
            List<Finding> findings = run(cleanSis(sisStudent(), sisClass(null), true), cleanOurs(oursStudent(), true));
            assertThat(findings).extracting(Finding::rule).containsExactly("sis.class.required.course");
            assertThat(keys(findings.get(0))).containsExactly("sis:c1", "ours:bc1");
        }
    }

    @Nested
    class References {
        @Test
        void sisRecordsPointingAtMissingRecords() {
            RosterUser s = student("s1", "s1", "gone-school", "100", LocalDate.of(2016, 5, 4), "zoe@students.example", List.of("g1", "g9"));
            RosterClass c = new RosterClass("c1", "c1", "Math 4", "sch", "retired-course", List.of("y", "old-term"), RecordStatus.ACTIVE);
            RosterSnapshot.Builder sis = cleanSis(s, c, true)
                    .enrollment(enrollment("e9", "deleted-class", "s1", RoleType.STUDENT, YEAR_START, YEAR_END));
            List<Finding> findings = run(sis, cleanOurs(oursStudent(), true));

            assertThat(findings).allMatch(f -> f.category().equals("UNRESOLVED_REFERENCE"));
            assertThat(findings).extracting(Finding::rule).containsExactly("sis.student.ref.org", "sis.student.ref.agent",
                    "sis.class.ref.course", "sis.class.ref.term", "sis.enrollment.ref.class");
            assertThat(findings.get(0).evidence()).containsEntry("missing", List.of("gone-school"));
            assertThat(findings.get(1).evidence()).containsEntry("missing", List.of("g9"));
            assertThat(findings.get(3).evidence()).containsEntry("missing", List.of("old-term"));
            assertThat(keys(findings.get(4))).containsExactly("sis:e9");
            assertThat(findings.get(4).title()).isEqualTo("Enrollment e9 points at class deleted-class, which is not in the SIS export");
        }

        @Test
        void ourLeftOversPointingAtNothingComeWithAnEngineeringScript() {
            RosterSnapshot.Builder ours = cleanOurs(oursStudent(), true)
                    .enrollment(member("bc-gone", "bt1", RoleType.TEACHER, null))
                    .enrollment(member("bc1", "bs-gone", RoleType.STUDENT, null));
            List<Finding> findings = run(cleanSis(sisStudent(), sisClass("crs"), true), ours);

            assertThat(findings).extracting(Finding::rule).containsExactly("ours.enrollment.ref.class", "ours.enrollment.ref.person");
            assertThat(keys(findings.get(0))).containsExactly("ours:bc-gone/bt1");
            assertThat(findings.get(0).resolution().action()).isEqualTo("re-sync");
            assertThat(findings.get(0).resolution().script())
                    .isEqualTo("delete from class_members where class_key = 'bc-gone' and person_key = 'bt1';");
        }

        @Test
        void ourStudentOnAMissingCampusOrWithAMissingGuardian() {
            RosterUser o = new RosterUser("bs1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", "zoe@students.example", null,
                    List.of("04"), List.of("cp-gone"), List.of("bg1", "bg-gone"), LocalDate.of(2016, 5, 4), true, RecordStatus.ACTIVE, null);
            List<Finding> findings = run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(o, true));
            assertThat(findings).extracting(Finding::rule).containsExactly("ours.student.ref.campus", "ours.student.ref.guardian");
            assertThat(keys(findings.get(0))).containsExactly("ours:bs1", "sis:s1");
        }
    }

    @Nested
    class Teachers {
        @Test
        void classWhoseTeacherLeftIsReportedOnce() {
            RosterSnapshot.Builder sis = cleanSis(sisStudent(), sisClass("crs"), false)
                    .enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, LocalDate.of(2026, 10, 1)));
            List<Finding> findings = run(sis, cleanOurs(oursStudent(), false));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("sis.class.teacher");
                assertThat(keys(f)).containsExactly("sis:c1", "ours:bc1");
                assertThat(f.evidence()).containsEntry("students", 1);
            });
        }

        @Test
        void classTaughtInTheSisButNotHereAsksForASync() {
            List<Finding> findings = run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(oursStudent(), false));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("ours.class.teacher");
                assertThat(f.resolution().action()).isEqualTo("re-sync");
                assertThat(keys(f)).containsExactly("ours:bc1", "sis:c1");
            });
        }

        @Test
        void classesThatAreOverNeedNoTeacher() {
            RosterSnapshot.Builder sis = sis().user(sisStudent()).user(sisTeacher()).user(sisGuardian())
                    .academicSession(new com.bookmarked.cdt.core.roster.AcademicSession("old", "Last year", "schoolYear",
                            LocalDate.of(2025, 8, 18), LocalDate.of(2026, 6, 5), null, RecordStatus.ACTIVE))
                    .rosterClass(sisClass("crs"))
                    .rosterClass(new RosterClass("c0", "c0", "Math 3", "sch", "crs", List.of("old"), RecordStatus.ACTIVE))
                    .enrollment(enrollment("e1", "c1", "s1", RoleType.STUDENT, YEAR_START, YEAR_END))
                    .enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, YEAR_END));
            assertThat(run(sis, cleanOurs(oursStudent(), true))).isEmpty();
        }
    }

    @Nested
    class Enrollments {
        @Test
        void activeStudentWhoseClassesAllEndedIsReported() {
            RosterSnapshot.Builder sis = sis().user(sisStudent()).user(sisTeacher()).user(sisGuardian()).rosterClass(sisClass("crs"))
                    .enrollment(enrollment("e1", "c1", "s1", RoleType.STUDENT, YEAR_START, LocalDate.of(2026, 9, 30)))
                    .enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, YEAR_END));
            List<Finding> findings = run(sis, cleanOurs(oursStudent(), true));
            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.rule()).isEqualTo("sis.student.enrollment");
                assertThat(keys(f)).containsExactly("sis:s1", "ours:bs1");
                assertThat(f.evidence()).containsEntry("endedOrUnusableEnrollments", 1).containsEntry("asOf", "2026-11-16");
            });
        }

        @Test
        void studentOnlyInAClassThatStartsLaterCountsAsEnrolled() {
            RosterSnapshot.Builder sis = sis().user(sisStudent()).user(sisTeacher()).user(sisGuardian()).rosterClass(sisClass("crs"))
                    .enrollment(enrollment("e1", "c1", "s1", RoleType.STUDENT, LocalDate.of(2027, 1, 5), YEAR_END))
                    .enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, YEAR_END));
            assertThat(run(sis, cleanOurs(oursStudent(), true))).isEmpty();
        }

        @Test
        void disabledStudentsAreNotExpectedInClasses() {
            RosterUser disabled = new RosterUser("s1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", "zoe@students.example", "us1",
                    List.of("04"), List.of("sch"), List.of("g1"), LocalDate.of(2016, 5, 4), false, RecordStatus.ACTIVE, null);
            RosterSnapshot.Builder sis = sis().user(disabled).user(sisTeacher()).user(sisGuardian()).rosterClass(sisClass("crs"))
                    .enrollment(enrollment("e2", "c1", "t1", RoleType.TEACHER, YEAR_START, YEAR_END));
            assertThat(run(sis, cleanOurs(oursStudent(), true))).isEmpty();
        }
    }

    @Nested
    class DataTheSisHas {
        @Test
        void emptyHereButPresentInTheSisIsReportedPerField() {
            RosterUser o = new RosterUser("bs1", "s1", RoleType.STUDENT, "100", "Zoë", "Núñez", null, null, List.of("04"),
                    List.of("cp"), List.of("bg1"), null, true, RecordStatus.ACTIVE, null);
            List<Finding> findings = run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(o, true));
            assertThat(findings).extracting(Finding::rule).containsExactly("ours.student.missing.birthDate", "ours.student.missing.email");
            assertThat(findings).allSatisfy(f -> {
                assertThat(f.category()).isEqualTo("MISSING_HERE_PRESENT_IN_SIS");
                assertThat(keys(f)).containsExactly("sis:s1", "ours:bs1");
                assertThat(f.resolution().action()).isEqualTo("re-sync");
            });
            assertThat(findings.get(0).title()).isEqualTo("The SIS has a birth date for student s1; our record bs1 has none");
        }

        @Test
        void differentValuesOnBothSidesAreDriftNotMissingData() {
            RosterUser o = new RosterUser("bs1", "s1", RoleType.STUDENT, "999", "Zoe", "Nunez", "other@students.example", null,
                    List.of("05"), List.of("cp"), List.of("bg1"), LocalDate.of(2016, 5, 5), true, RecordStatus.ACTIVE, null);
            assertThat(run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(o, true))).isEmpty();
        }

        @Test
        void ourRecordsNotLinkedToTheSisAreLeftToTheMismatchResolver() {
            RosterUser unlinked = new RosterUser("bs2", "s-old", RoleType.STUDENT, null, null, null, null, null, List.of(),
                    List.of("cp"), List.of(), null, true, RecordStatus.ACTIVE, null);
            assertThat(run(cleanSis(sisStudent(), sisClass("crs"), true), cleanOurs(oursStudent(), true).user(unlinked))).isEmpty();
        }
    }

    @Nested
    class Parameters {
        private final RosterSnapshot sis = cleanSis(student("s1", "s1", "sch", null, null, "zoe@students.example", List.of("g1")),
                sisClass("crs"), false).build();
        private final RosterSnapshot ours = cleanOurs(oursStudent(), false).build();

        @Test
        void categoriesFilterAcceptsAListOrCommaSeparatedText() {
            assertThat(run(sis, ours, Map.of()).findings()).extracting(Finding::category).contains("MISSING_REQUIRED_FIELD", "CLASS_WITHOUT_TEACHER");
            assertThat(run(sis, ours, Map.of("categories", List.of("CLASS_WITHOUT_TEACHER"))).findings())
                    .extracting(Finding::category).containsOnly("CLASS_WITHOUT_TEACHER");
            assertThat(run(sis, ours, Map.of("categories", "class_without_teacher, MISSING_REQUIRED_FIELD")).findings())
                    .extracting(Finding::category).containsOnly("CLASS_WITHOUT_TEACHER", "MISSING_REQUIRED_FIELD");
        }

        @Test
        void unknownValuesAreRefusedInPlainWords() {
            assertThatThrownBy(() -> run(sis, ours, Map.of("integrationType", "powerschool")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Unknown integration type \"powerschool\"; expected one of oneroster-csv, oneroster-rest, classlink.");
            assertThatThrownBy(() -> run(sis, ours, Map.of("categories", List.of("TYPOS"))))
                    .hasMessageStartingWith("Unknown category \"TYPOS\"; the Missing Data Finder reports MISSING_REQUIRED_FIELD, ");
        }

        @Test
        void bothSnapshotsAreNeeded() {
            assertThatThrownBy(() -> finder.analyze(Snapshots.of(sis), ToolParameters.none(), Progress.NONE))
                    .hasMessage("the ours snapshot was not provided");
        }
    }

    @Test
    void profileGivesTheShareOfRecordsWithEachFieldPerSide() {
        RosterUser second = student("s2", "s2", "sch", "101", null, null, List.of());
        RosterSnapshot.Builder sis = cleanSis(sisStudent(), sisClass("crs"), true).user(second)
                .enrollment(enrollment("e3", "c1", "s2", RoleType.STUDENT, YEAR_START, YEAR_END));
        ToolResult result = run(sis.build(), cleanOurs(oursStudent(), true).build(), Map.of());

        @SuppressWarnings("unchecked")
        Map<String, Double> completeness = (Map<String, Double>) result.profile().get("completeness");
        assertThat(completeness).containsEntry("sis.student.email", 0.5).containsEntry("sis.student.birthDate", 0.5)
                .containsEntry("sis.student.identifier", 1.0).containsEntry("ours.student.email", 1.0)
                .containsEntry("sis.class.course", 1.0).containsEntry("ours.class.title", 1.0)
                .doesNotContainKey("ours.student.username");
        assertThat(result.profile()).containsEntry("integrationType", "oneroster-csv").containsEntry("asOf", "2026-11-16");
        @SuppressWarnings("unchecked")
        Map<String, Integer> records = (Map<String, Integer>) result.profile().get("records");
        assertThat(records).containsEntry("sis.student", 2).containsEntry("ours.staff", 1);
        @SuppressWarnings("unchecked")
        Map<String, Integer> byRule = (Map<String, Integer>) result.profile().get("findingsByRule");
        assertThat(byRule).containsExactly(Map.entry("sis.student.required.birthDate", 1));
    }

    @Test
    void progressIsReportedByPhaseAndCancellationStopsTheRun() {
        RosterSnapshot sis = cleanSis(sisStudent(), sisClass("crs"), true).build();
        RosterSnapshot ours = cleanOurs(oursStudent(), true).build();
        List<String> phases = new ArrayList<>();
        finder.analyze(Snapshots.of(sis, ours), ToolParameters.none(), new Progress() {
            @Override
            public void report(String phase, int percent) {
                phases.add(percent + " " + phase);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertThat(phases).containsExactly("0 Indexing the rosters", "15 Checking required fields", "30 Checking references",
                "50 Checking classes for teachers", "60 Checking students for classes", "70 Comparing our data with the SIS",
                "85 Profiling field completeness", "100 Done");

        List<String> cancelledPhases = new ArrayList<>();
        ToolResult cancelled = finder.analyze(Snapshots.of(sis, ours), ToolParameters.none(), new Progress() {
            @Override
            public void report(String phase, int percent) {
                cancelledPhases.add(phase);
            }

            @Override
            public boolean cancelled() {
                return cancelledPhases.size() >= 2;
            }
        });
        assertThat(cancelled.profile()).containsEntry("cancelled", true).doesNotContainKey("completeness");
        assertThat(cancelledPhases).doesNotContain("Checking references");
    }

    @Test
    void descriptorDescribesParametersAsJsonSchema() {
        var d = finder.descriptor();
        assertThat(d.id()).isEqualTo("missing-data");
        assertThat(d.categories()).containsExactly("MISSING_REQUIRED_FIELD", "UNRESOLVED_REFERENCE", "CLASS_WITHOUT_TEACHER",
                "STUDENT_WITHOUT_ENROLLMENT", "MISSING_HERE_PRESENT_IN_SIS");
        assertThat(d.needs()).hasSize(2);
        assertThat(d.parametersSchema()).containsEntry("type", "object").containsEntry("additionalProperties", false);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> properties = (Map<String, Map<String, Object>>) d.parametersSchema().get("properties");
        assertThat(properties.get("integrationType")).containsEntry("default", "oneroster-csv")
                .containsEntry("enum", List.of("oneroster-csv", "oneroster-rest", "classlink"));
        assertThat(properties.get("categories")).containsEntry("type", "array");
    }
}
