package com.bookmarked.cdt.tool.campustransfer;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.RecordStatus;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
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

import static com.bookmarked.cdt.tool.campustransfer.TwoSchools.FALL_END;
import static com.bookmarked.cdt.tool.campustransfer.TwoSchools.SPRING_START;
import static com.bookmarked.cdt.tool.campustransfer.TwoSchools.YEAR_END;
import static com.bookmarked.cdt.tool.campustransfer.TwoSchools.YEAR_START;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampusTransferValidatorTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate SEP_30 = LocalDate.of(2026, 9, 30);
    private static final LocalDate NOV_15 = LocalDate.of(2026, 11, 15);
    private static final LocalDate NOV_16 = LocalDate.of(2026, 11, 16);

    private final CampusTransferValidator validator = new CampusTransferValidator();

    private ToolResult analyze(TwoSchools district, Map<String, Object> parameters) {
        return validator.analyze(district.snapshots(), new ToolParameters(parameters), Progress.NONE);
    }

    private List<Finding> run(TwoSchools district) {
        return analyze(district, Map.of()).findings();
    }

    private static List<String> keys(Finding f) {
        return f.entities().stream().map(e -> e.side().wireName() + ":" + e.type().wireName() + ":" + e.key()).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> timeline(Finding f, String side) {
        return (List<Map<String, Object>>) f.evidence().get(side + "Timeline");
    }

    /** Moved from A to B on 2026-10-01; the SIS ended the A classes the day before. */
    private static TwoSchools movedToBirch(String ourCampus) {
        return new TwoSchools().student("B", ourCampus)
                .enrolled("cA", YEAR_START, SEP_30).enrolled("cAfall", YEAR_START, SEP_30)
                .enrolled("cB", OCT_1, YEAR_END).enrolled("cBspring", SPRING_START, YEAR_END);
    }

    @Test
    void aStudentAtTheSameCampusOnBothSidesGivesNoFinding() {
        TwoSchools district = new TwoSchools().student("A", "cpA")
                .enrolled("cA", YEAR_START, YEAR_END).enrolled("cAfall", YEAR_START, FALL_END)
                .member("bcA", null).member("bcAfall", null);
        ToolResult result = analyze(district, Map.of());
        assertThat(result.findings()).isEmpty();
        assertThat(result.profile()).containsEntry("studentsCompared", 1).containsEntry("asOf", "2026-11-16");
    }

    @Nested
    class Moves {
        @Test
        void aMoveBeforeOurLastSyncThatWeDidNotFollowIsACampusMismatchNotAlsoStale() {
            List<Finding> findings = run(movedToBirch("cpA").member("bcA", null).member("bcAfall", null));

            assertThat(findings).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CAMPUS_MISMATCH");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(keys(f)).containsExactly("sis:student:s1", "ours:student:bs1");
                assertThat(f.title()).isEqualTo("Student s1 moved to Birch School (B) on 2026-10-01; we still show Alder School (cpA)");
                assertThat(f.evidence()).containsEntry("changedOn", "2026-10-01").containsEntry("sisCampus", "B")
                        .containsEntry("ourCampus", "cpA").containsEntry("ourCampusSisOrg", "A")
                        .containsEntry("lastSyncAt", "2026-11-15T06:00:00Z");
                assertThat(f.entities().get(0).values()).containsEntry("currentCampus", "B");
                assertThat(f.entities().get(1).values()).containsEntry("currentCampus", "A");
                assertThat(f.resolution().action()).isEqualTo("re-sync");
            });
        }

        @Test
        void theTimelinesShowEachSideInOrder() {
            Finding f = run(movedToBirch("cpA").member("bcA", null).member("bcAfall", SEP_30)).get(0);

            assertThat(timeline(f, "sis")).extracting(e -> e.get("campus") + " " + e.get("from") + ".." + e.get("to")
                    + " " + e.get("source") + " " + e.get("enrollments")).containsExactly(
                    "A 2026-08-17..2026-09-30 enrollment 2",
                    "B 2026-10-01..2027-06-04 enrollment 2",
                    "B null..null primary org null");
            assertThat(timeline(f, "our")).extracting(e -> e.get("campus") + "/" + e.get("sisOrg") + " .." + e.get("to") + " "
                    + e.get("source")).containsExactly(
                    "cpA/A ..2026-09-30 enrollment",
                    "cpA/A ..null enrollment",
                    "cpA/A ..null primary org");
        }

        @Test
        void aMoveThatStartedAfterOurLastSyncIsPendingSyncWithBothTimestamps() {
            TwoSchools district = new TwoSchools().student("B", "cpA")
                    .enrolled("cA", YEAR_START, NOV_15).enrolled("cB", NOV_16, YEAR_END).member("bcA", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("PENDING_SYNC");
                assertThat(f.severity()).isEqualTo(Severity.INFO);
                assertThat(f.evidence()).containsEntry("changedOn", "2026-11-16").containsEntry("lastSyncAt", "2026-11-15T06:00:00Z");
                assertThat(f.title()).contains("after our last sync (2026-11-15T06:00:00Z)");
                assertThat(f.resolution().action()).isEqualTo("wait-for-sync");
            });
        }

        @Test
        void aMoveOnTheDayOfTheSyncCountsAsCarriedBecauseThatDayBeganBeforeTheSyncRan() {
            TwoSchools district = new TwoSchools().student("B", "cpA")
                    .enrolled("cA", YEAR_START, NOV_15.minusDays(1)).enrolled("cB", NOV_15, YEAR_END);
            assertThat(run(district)).extracting(Finding::category).containsExactly("CAMPUS_MISMATCH");
        }

        @Test
        void withoutAKnownSyncTimeNothingIsCalledPending() {
            TwoSchools district = new TwoSchools(null).student("B", "cpA")
                    .enrolled("cA", YEAR_START, NOV_15).enrolled("cB", NOV_16, YEAR_END);
            ToolResult result = analyze(district, Map.of());
            assertThat(result.findings()).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CAMPUS_MISMATCH");
                assertThat(f.evidence()).containsEntry("lastSyncAt", null);
            });
            assertThat(result.profile()).containsEntry("lastSyncAt", "unknown");
        }

        @Test
        void ourStudentWithoutACampusIsAMismatch() {
            assertThat(run(movedToBirch(null))).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CAMPUS_MISMATCH");
                assertThat(f.title()).endsWith("we still show no campus");
            });
        }

        @Test
        void aMoveIntoASchoolWeHaveNotMappedIsUnmappedEvenWhenItIsNewerThanOurSync() {
            TwoSchools district = new TwoSchools().student("H", "cpA")
                    .enrolled("cA", YEAR_START, NOV_15).enrolled("cH", NOV_16, YEAR_END).member("bcA", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("UNMAPPED_CAMPUS");
                assertThat(f.severity()).isEqualTo(Severity.ERROR);
                assertThat(f.title()).isEqualTo("Student s1 moved to Harbor Newcomer Center (H) on 2026-11-16, a school with no campus on our side");
                assertThat(f.resolution().action()).isEqualTo("map-campus");
                assertThat(f.resolution().description()).contains("SIS org H");
            });
        }

        @Test
        void withNoRunningEnrollmentThePrimaryOrgDecidesAndTheLastEnrollmentAtOurCampusDatesTheChange() {
            TwoSchools district = new TwoSchools().student("B", "cpA").enrolled("cA", YEAR_START, SEP_30);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CAMPUS_MISMATCH");
                assertThat(f.evidence()).containsEntry("changedOn", "2026-10-01")
                        .containsEntry("sisCampusFrom", "the student's primary org (no enrollment runs on 2026-11-16)");
            });
        }

        @Test
        void anEnrollmentWithoutDatesRunsOverItsClassesTerms() {
            // No dates on the Birch enrollment: the school year (a term) makes it run today.
            TwoSchools district = new TwoSchools().student("A", "cpA")
                    .enrolled("cA", YEAR_START, SEP_30).enrolled("cB", null, null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CAMPUS_MISMATCH");
                assertThat(f.evidence()).containsEntry("sisCampus", "B").containsEntry("changedOn", "2026-08-17");
                assertThat(timeline(f, "sis")).anySatisfy(e -> assertThat(e).containsEntry("campus", "B")
                        .containsEntry("source", "session").containsEntry("from", "2026-08-17").containsEntry("to", "2027-06-04"));
            });
        }

        @Test
        void aSpringClassWithoutDatesDoesNotRunYetInNovember() {
            TwoSchools district = new TwoSchools().student("A", "cpA")
                    .enrolled("cA", YEAR_START, YEAR_END).enrolled("cBspring", null, null).member("bcA", null);
            assertThat(run(district)).isEmpty();
            ToolResult spring = analyze(district, Map.of("asOf", "2027-02-01"));
            assertThat(spring.findings()).extracting(Finding::category).containsExactly("CONCURRENT_CAMPUSES");
        }
    }

    @Nested
    class StaleMemberships {
        @Test
        void anOpenMembershipAtTheOldCampusIsStaleWithTheScriptThatClosesIt() {
            TwoSchools district = movedToBirch("cpB").member("bcA", null).member("bcAfall", SEP_30).member("bcB", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("STALE_ENROLLMENT_AT_OLD_CAMPUS");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(keys(f)).containsExactly("sis:student:s1", "ours:student:bs1", "ours:enrollment:bcA/bs1");
                assertThat(f.title()).isEqualTo("Student s1 is at Birch School (B), but our membership in class bcA at "
                        + "Alder School (cpA) is still open");
                EntityRef membership = f.entities().get(2);
                assertThat(membership.values()).containsEntry("sisEndedOn", "2026-09-30").containsEntry("campusSisOrg", "A");
                assertThat(f.resolution().action()).isEqualTo("close-membership");
                assertThat(f.resolution().script()).isEqualTo("""
                        -- the SIS ended this enrollment on 2026-09-30
                        update class_members set ended_on = date '2026-09-30'
                         where class_key = 'bcA' and person_key = 'bs1'
                           and (ended_on is null or ended_on > date '2026-09-30');""");
            });
        }

        @Test
        void aMembershipTheSisNoLongerHasClosesTheDayBeforeTheNewCampusBegan() {
            TwoSchools district = new TwoSchools().student("B", "cpB").enrolled("cB", OCT_1, YEAR_END)
                    .member("bcB", null).member("bcAsci", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("STALE_ENROLLMENT_AT_OLD_CAMPUS");
                assertThat(f.resolution().script()).contains("ended_on = date '2026-09-30'")
                        .contains("the SIS has no enrollment for it");
            });
        }

        @Test
        void aMembershipTheSisEndedOnlyAfterOurLastSyncIsPendingSyncNotStale() {
            TwoSchools district = new TwoSchools().student("B", "cpB")
                    .enrolled("cB", YEAR_START, YEAR_END).enrolled("cAfall", YEAR_START, NOV_15)
                    .member("bcB", null).member("bcAfall", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("PENDING_SYNC");
                assertThat(keys(f)).containsExactly("sis:student:s1", "ours:student:bs1", "ours:enrollment:bcAfall/bs1");
                assertThat(f.evidence()).containsKey("closingAtNextSync");
            });
        }

        @Test
        void aClassTheSisStillRunsForTheStudentIsNotStaleEvenIfOurCopySitsAtAnotherCampus() {
            TwoSchools district = new TwoSchools().student("B", "cpB").enrolled("cB", YEAR_START, YEAR_END)
                    .member("bcB", null);
            // Our copy of Birch's music class sits at Alder by mistake; the SIS runs that class for the student today.
            district.sis.enrollment(new Enrollment("e9", "cBspring", "s1", null, RoleType.STUDENT, false, YEAR_START,
                    YEAR_END, RecordStatus.ACTIVE));
            district.ours.enrollment(new Enrollment("bcBspring/bs1", "bcBspring", "bs1", "cpA", RoleType.STUDENT, false, null,
                    null, RecordStatus.ACTIVE));
            assertThat(run(district)).isEmpty();
        }

        @Test
        void endedMembershipsAndMembershipsAtTheRightCampusAreFine() {
            TwoSchools district = movedToBirch("cpB").member("bcA", SEP_30).member("bcAfall", SEP_30).member("bcB", null)
                    .member("bcBspring", null);
            assertThat(run(district)).isEmpty();
        }
    }

    @Nested
    class TwoCampuses {
        @Test
        void runningClassesAtTwoSchoolsAreConcurrentCampuses() {
            TwoSchools district = new TwoSchools().student("A", "cpA")
                    .enrolled("cB", YEAR_START, YEAR_END).enrolled("cA", YEAR_START, YEAR_END).member("bcA", null);
            assertThat(run(district)).singleElement().satisfies(f -> {
                assertThat(f.category()).isEqualTo("CONCURRENT_CAMPUSES");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.evidence()).containsEntry("sisCampus", List.of("A", "B"));
                assertThat(f.title()).isEqualTo("Student s1 is in classes at Alder School (A) and Birch School (B) at the same "
                        + "time in the SIS");
                assertThat(f.resolution().action()).isEqualTo("ask-district");
            });
        }

        @Test
        void aDepartmentInsideASchoolIsThatSchool() {
            TwoSchools district = new TwoSchools().student("A", "cpA")
                    .enrolled("cA", YEAR_START, YEAR_END).enrolled("cAsci", YEAR_START, YEAR_END)
                    .member("bcA", null).member("bcAsci", null);
            assertThat(run(district)).isEmpty();
        }

        @Test
        void aTransferWhoseOldAndNewClassesDoNotOverlapIsNotConcurrent() {
            assertThat(run(movedToBirch("cpB").member("bcB", null))).isEmpty();
        }
    }

    @Nested
    class WhoIsCompared {
        @Test
        void studentsWithoutAPairAndStudentsTheSisDisabledAreLeftOut() {
            TwoSchools district = movedToBirch("cpA");
            district.sis.user(TwoSchools.sisStudent("s2", "B"));
            district.sis.user(new RosterUser("s3", "s3", RoleType.STUDENT, "300", "Ana", "Ruiz", null, null, List.of("04"),
                    List.of("B"), List.of(), null, false, RecordStatus.ACTIVE, null));
            district.ours.user(TwoSchools.ourStudent("bs3", "s3", "cpA"));
            district.ours.user(TwoSchools.ourStudent("bs9", "s9", "cpA"));
            ToolResult result = analyze(district, Map.of());
            assertThat(result.findings()).extracting(f -> f.entities().get(0).key()).containsExactly("s1");
            assertThat(result.profile()).containsEntry("studentsCompared", 1).containsEntry("studentsWithoutPair", 1);
        }

        @Test
        void twoOfOurRowsForOneSisStudentAreEachCompared() {
            TwoSchools district = movedToBirch("cpA");
            district.ours.user(TwoSchools.ourStudent("bs1-copy", "s1", "cpB"));
            assertThat(run(district)).extracting(f -> f.entities().get(1).key()).containsExactly("bs1");
        }
    }

    @Nested
    class Parameters {
        @Test
        void asOfBeforeTheMoveSeesNoMove() {
            TwoSchools district = movedToBirch("cpA").member("bcA", null);
            assertThat(analyze(district, Map.of("asOf", "2026-09-15")).findings()).isEmpty();
            assertThat(analyze(district, Map.of("asOf", "2026-10-01")).findings()).extracting(Finding::category)
                    .containsExactly("CAMPUS_MISMATCH");
        }

        @Test
        void aDayThatDoesNotExistIsRefusedInPlainWords() {
            assertThatThrownBy(() -> analyze(movedToBirch("cpA"), Map.of("asOf", "2026-02-30")))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessage("The date \"2026-02-30\" is not a real day written as YYYY-MM-DD, for example 2026-11-16.");
            assertThatThrownBy(() -> analyze(movedToBirch("cpA"), Map.of("asOf", "16/11/2026")))
                    .isInstanceOf(UserFacingException.class);
        }

        @Test
        void onlyTheChosenCategoriesAreReported() {
            TwoSchools district = movedToBirch("cpA");
            assertThat(analyze(district, Map.of("categories", List.of("PENDING_SYNC"))).findings()).isEmpty();
            assertThat(analyze(movedToBirch("cpA"), Map.of("categories", "campus_mismatch, PENDING_SYNC")).findings())
                    .hasSize(1);
            assertThatThrownBy(() -> analyze(movedToBirch("cpA"), Map.of("categories", List.of("MOVED"))))
                    .isInstanceOf(UserFacingException.class)
                    .hasMessageStartingWith("Unknown category \"MOVED\"; the Campus Transfer Validator reports CAMPUS_MISMATCH, ");
        }

        @Test
        void theDescriptorOffersEveryCategoryAndBothParameters() {
            var d = validator.descriptor();
            assertThat(d.id()).isEqualTo("campus-transfer");
            assertThat(d.categories()).containsExactly("CAMPUS_MISMATCH", "STALE_ENROLLMENT_AT_OLD_CAMPUS",
                    "CONCURRENT_CAMPUSES", "UNMAPPED_CAMPUS", "PENDING_SYNC");
            assertThat(List.copyOf(((Map<?, ?>) d.parametersSchema().get("properties")).keySet())).isEqualTo(List.of("asOf", "categories"));
            assertThat(d.needs()).extracting(n -> n.side()).containsExactly(SnapshotSide.SIS, SnapshotSide.OURS);
        }
    }

    @Test
    void aCancelledRunStopsEarlyAndSaysSo() {
        TwoSchools district = new TwoSchools();
        for (int i = 0; i < 20_000; i++) {
            district.sis.user(TwoSchools.sisStudent("x" + i, "B"));
            district.ours.user(TwoSchools.ourStudent("bx" + i, "x" + i, "cpA"));
        }
        List<String> phases = new ArrayList<>();
        Progress cancelSoon = new Progress() {
            @Override
            public void report(String phase, int percent) {
                phases.add(phase + " " + percent);
            }

            @Override
            public boolean cancelled() {
                return phases.size() > 3;
            }
        };
        Snapshots snapshots = district.snapshots();
        ToolResult result = validator.analyze(snapshots, ToolParameters.none(), cancelSoon);
        assertThat(result.profile()).containsEntry("cancelled", true);
        assertThat(result.findings()).hasSizeBetween(1, 19_999);
        ToolResult full = validator.analyze(snapshots, ToolParameters.none(), Progress.NONE);
        assertThat(full.findings()).hasSize(20_000);
        assertThat(full.profile()).doesNotContainKey("cancelled");
    }
}
