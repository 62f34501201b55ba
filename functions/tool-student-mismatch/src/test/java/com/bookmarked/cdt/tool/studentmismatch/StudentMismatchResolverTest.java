package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.ParameterCheck;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StudentMismatchResolverTest {

    private final StudentMismatchResolver resolver = new StudentMismatchResolver();

    private ToolResult run(TestRoster roster) {
        return run(roster, Map.of());
    }

    private ToolResult run(TestRoster roster, Map<String, Object> parameters) {
        return resolver.analyze(roster.snapshots(), new ToolParameters(parameters), Progress.NONE);
    }

    private static List<Finding> of(ToolResult result, Category category) {
        return result.findings().stream().filter(f -> f.category().equals(category.name())).toList();
    }

    private static List<String> keys(Finding f) {
        return f.entities().stream().map(e -> e.side().wireName() + ":" + e.key()).sorted().toList();
    }

    @Test
    void recordsLinkedBySisIdWithTheSameValuesAreNotAFinding() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Zoë", "Núñez", "2016-05-04").number("100").email("zoe@x.example").sis()
                .student("b1", "Zoë", "Núñez", "2016-05-04").sisId("s1").number("100").email("zoe@x.example").ours());

        assertThat(result.findings()).isEmpty();
        assertThat(result.profile().get("pairedBy")).isEqualTo(Map.of("sourcedId", 1, "identifier", 0, "probabilistic", 0));
    }

    @Test
    void aSisStudentWithNothingLikeItHereIsMissingWithTheRowToCreate() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Zoë", "Núñez", "2016-05-04").number("100").campus("sch-2").sis()
                .student("b9", "Ana", "Lee", "2012-01-30").sisId("s9").ours());

        Finding missing = of(result, Category.MISSING_IN_OURS).get(0);
        assertThat(keys(missing)).containsExactly("sis:s1");
        assertThat(missing.severity()).isEqualTo(Severity.ERROR);
        assertThat(missing.resolution().action()).isEqualTo("re-sync");
        assertThat(missing.resolution().script())
                .contains("insert into students")
                .contains("(select customer_key from campuses where campus_key = 'cp-2')")
                .contains("'Zoë', 'Núñez', '04', date '2016-05-04'");
        assertThat(of(result, Category.ORPHANED_IN_OURS)).extracting(StudentMismatchResolverTest::keys)
                .containsExactly(List.of("ours:b9"));
    }

    @Test
    void anOrphanIsDeactivatedAsOfTheSnapshotDayOrTheDayAsked() {
        TestRoster roster = TestRoster.roster().student("b9", "Ana", "Lee", "2012-01-30").sisId("s9").ours().inClass("b9", "cl-1");

        Finding orphan = of(run(roster), Category.ORPHANED_IN_OURS).get(0);
        assertThat(orphan.title()).contains("b9").contains("s9");
        assertThat(orphan.evidence()).containsEntry("openClasses", 1);
        assertThat(orphan.resolution().action()).isEqualTo("deactivate");
        assertThat(orphan.resolution().script()).contains("update students set active = false where student_key = 'b9';")
                .contains("ended_on = date '2026-11-16'");

        Finding later = of(run(roster, Map.of("asOf", "2026-12-01")), Category.ORPHANED_IN_OURS).get(0);
        assertThat(later.resolution().script()).contains("ended_on = date '2026-12-01'");
    }

    @Test
    void aNewSourcedIdWithTheSameStudentNumberIsRekeyedEvenWrittenDifferently() {
        ToolResult result = run(TestRoster.roster()
                .student("s-new", "Zoë", "Núñez", "2016-05-04").number("000123").sis()
                .student("b1", "Zoë", "Núñez", "2016-05-04").sisId("s-old").number(" 123").ours());

        assertThat(result.findings()).extracting(Finding::category).containsExactly("REKEYED", "FIELD_DRIFT");
        Finding rekeyed = of(result, Category.REKEYED).get(0);
        assertThat(keys(rekeyed)).containsExactly("ours:b1", "sis:s-new");
        assertThat(rekeyed.evidence()).containsEntry("stage", "identifier").containsEntry("previousSisId", "s-old")
                .containsEntry("newSisId", "s-new");
        assertThat(rekeyed.resolution().script()).isEqualTo("update students set sis_id = 's-new' where student_key = 'b1';");
        // the two ways of writing the number are the same number: shown, but only as information
        Finding drift = of(result, Category.FIELD_DRIFT).get(0);
        assertThat(drift.severity()).isEqualTo(Severity.INFO);
    }

    @Test
    void nicknameDroppedAccentsSwappedDayAndMonthAndAGluedCompoundSurnameStillPairByScore() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "William", "García-López", "2015-03-04").grade("05").sis()
                .student("b1", "Bill", "GARCIA LOPEZ", "2015-04-03").grade("05").ours());

        Finding rekeyed = of(result, Category.REKEYED).get(0);
        assertThat(keys(rekeyed)).containsExactly("ours:b1", "sis:s1");
        assertThat(rekeyed.severity()).isEqualTo(Severity.ERROR);
        assertThat(rekeyed.evidence()).containsEntry("stage", "probabilistic").doesNotContainKey("needsReview");
        assertThat((double) rekeyed.evidence().get("score")).isGreaterThanOrEqualTo(Settings.DEFAULT_MATCH);
        @SuppressWarnings("unchecked")
        Map<String, String> fields = (Map<String, String>) rekeyed.evidence().get("fields");
        assertThat(fields).containsEntry("givenName", "nickname or spelling variant").containsEntry("familyName", "same")
                .containsEntry("birthDate", "day and month swapped").containsEntry("grade", "same");
        assertThat(rekeyed.title()).doesNotContain("William").doesNotContain("García");
        Finding drift = of(result, Category.FIELD_DRIFT).get(0);
        assertThat(drift.evidence().get("fields").toString()).contains("givenName").contains("familyName").contains("birthDate");
        assertThat(of(result, Category.MISSING_IN_OURS)).isEmpty();
        assertThat(of(result, Category.ORPHANED_IN_OURS)).isEmpty();
    }

    @Test
    void theNameAStudentGoesByPairsAndIsNotDrift() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Oluwaseun", "Adeyemi", "2013-10-02").goesBy("Shay").sis()
                .student("b1", "Shay", "Adeyemi", "2013-10-02").ours());

        assertThat(result.findings()).extracting(Finding::category).containsExactly("REKEYED");
        assertThat(result.findings().get(0).evidence().get("fields").toString()).contains("givenName=same");
    }

    @Test
    void givenAndFamilyNamesTheOtherWayRoundPair() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Minh", "Nguyễn", "2014-09-21").sis()
                .student("b1", "Nguyen", "Minh", "2014-09-21").ours());

        Finding rekeyed = of(result, Category.REKEYED).get(0);
        assertThat(rekeyed.evidence().get("fields").toString()).contains("names=given and family name swapped");
    }

    @Test
    void aTwinIsNeverPairedWithTheOtherTwinButShownForReview() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Amara", "Okafor", "2016-02-11").sis()
                .student("b2", "Chidi", "Okafor", "2016-02-11").ours());

        assertThat(result.profile().get("pairedBy")).isEqualTo(Map.of("sourcedId", 0, "identifier", 0, "probabilistic", 0));
        Finding review = of(result, Category.REKEYED).get(0);
        assertThat(review.severity()).isEqualTo(Severity.WARNING);
        assertThat(review.evidence()).containsEntry("needsReview", true).containsEntry("candidates", List.of("s1", "b2"));
        assertThat(review.resolution().action()).isEqualTo("review");
        assertThat(review.resolution().script()).startsWith("-- only once you have confirmed");
        assertThat(of(result, Category.MISSING_IN_OURS).get(0).evidence()).containsKey("possibleMatches");
        assertThat(of(result, Category.ORPHANED_IN_OURS).get(0).evidence()).containsKey("possibleMatches");
    }

    @Test
    void aNamesakeBornOnAnotherDayIsNotEvenAReviewCandidate() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Sofía", "Hernández", "2016-02-11").number("1").sis()
                .student("b2", "Sofia", "Hernandez", "2016-08-30").number("2").campus("cp-2").ours());

        assertThat(of(result, Category.REKEYED)).isEmpty();
        assertThat(of(result, Category.MISSING_IN_OURS)).hasSize(1);
        assertThat(of(result, Category.ORPHANED_IN_OURS)).hasSize(1);
    }

    @Test
    void anOurRecordEquallyLikeTwoSisStudentsIsNotPairedWithEither() {
        // no birth date on our side: the two SIS students (born on different days) fit it equally well
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Liam", "Smith", "2016-02-11").sis()
                .student("s2", "Liam", "Smith", "2016-07-19").campus("sch-1").sis()
                .student("b1", "Liam", "Smith", null).ours());

        List<Finding> reviews = of(result, Category.REKEYED);
        assertThat(reviews).hasSize(2).allSatisfy(f -> assertThat(f.evidence()).containsEntry("needsReview", true));
        assertThat(reviews.get(0).evidence().get("why").toString()).contains("another record scores almost as well");
    }

    @Test
    void twoOfOurRowsForOneSisIdAreMergedIntoTheOneInClasses() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Zoë", "Núñez", "2016-05-04").number("100").sis()
                .student("b1", "Zoë", "Núñez", "2016-05-04").sisId("s1").number("100").guardians("g1").ours()
                .student("b0", "Zoë", "Núñez", "2016-05-04").sisId("s1").number("100").guardians("g1").ours()
                .inClass("b1", "cl-1").inClass("b1", "cl-2"));

        assertThat(result.findings()).extracting(Finding::category).containsExactly("DUPLICATE_IN_OURS");
        Finding dup = result.findings().get(0);
        assertThat(keys(dup)).containsExactly("ours:b0", "ours:b1");
        assertThat(dup.evidence()).containsEntry("keep", "b1")
                .containsEntry("foundBy", List.of("same SIS id", "same student number", "same name and birth date"))
                .containsEntry("openClasses", Map.of("b1", 2, "b0", 0));
        assertThat((double) dup.evidence().get("score")).isGreaterThan(20);
        assertThat(dup.resolution().action()).isEqualTo("merge");
        assertThat(dup.resolution().script()).startsWith("begin;").endsWith("commit;")
                .contains("update students set active = false, sis_id = null where student_key = 'b0';")
                .doesNotContain("where student_key = 'b1';");
    }

    @Test
    void anOurRowWithoutSisIdButTheSameNameAndBirthDateIsADuplicateNotAnOrphan() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "José", "de la Cruz", "2011-12-01").sis()
                .student("b1", "José", "de la Cruz", "2011-12-01").sisId("s1").ours()
                .student("b7", "Jose", "De La Cruz", "2011-12-01").ours());

        assertThat(result.findings()).extracting(Finding::category).containsExactly("DUPLICATE_IN_OURS");
        assertThat(result.findings().get(0).evidence()).containsEntry("keep", "b1")
                .containsEntry("foundBy", List.of("same name and birth date"));
    }

    @Test
    void aSisDuplicateIsNotAlsoMissingAndOurLinkedRecordIsTheOneToKeep() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Aisha", "Khan", "2013-06-15").number("555").sis()
                .student("s1-copy", "Aisha", "Khan", "2013-06-15").number("555").sis()
                .student("b1", "Aisha", "Khan", "2013-06-15").sisId("s1").number("555").ours());

        assertThat(result.findings()).extracting(Finding::category).containsExactly("DUPLICATE_IN_SIS");
        Finding dup = result.findings().get(0);
        assertThat(keys(dup)).containsExactly("sis:s1", "sis:s1-copy");
        assertThat(dup.evidence()).containsEntry("keep", "s1");
        assertThat(dup.resolution().action()).isEqualTo("merge-in-sis");
        assertThat(dup.resolution().description()).contains("Nothing to change in our database");
        assertThat(dup.resolution().script()).isNull();
    }

    @Test
    void oneStudentNumberForTwoDifferentPeopleIsShownForReviewNotMerged() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Aisha", "Khan", "2013-06-15").number("555").sis()
                .student("s2", "Björn", "Andersson", "2010-01-02").number("777").sis()
                .student("b1", "Aisha", "Khan", "2013-06-15").sisId("s1").number("555").ours()
                .student("b2", "Björn", "Andersson", "2010-01-02").sisId("s2").number("555").ours());

        List<Finding> dups = of(result, Category.DUPLICATE_IN_OURS);
        assertThat(dups).hasSize(1);
        assertThat(dups.get(0).severity()).isEqualTo(Severity.WARNING);
        assertThat(dups.get(0).evidence()).containsEntry("needsReview", true).containsEntry("foundBy", List.of("same student number"));
        // the number itself differs from the SIS on b2: field drift
        assertThat(of(result, Category.FIELD_DRIFT)).extracting(StudentMismatchResolverTest::keys)
                .containsExactly(List.of("ours:b2", "sis:s2"));
    }

    @Test
    void whenTwoDifferentPeopleHereClaimOneSisIdTheCloserKeepsItAndTheOtherIsOrphaned() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Ava", "Reyes", "2016-01-01").sis()
                .student("b2", "Kai", "Kealoha", "2015-06-30").sisId("s1").ours()
                .student("b1", "Ava", "Reyes", "2016-01-01").sisId("s1").ours()
                .inClass("b2", "cl-9"));

        assertThat(result.findings()).extracting(Finding::category).containsExactly("ORPHANED_IN_OURS", "DUPLICATE_IN_OURS");
        assertThat(keys(result.findings().get(0))).containsExactly("ours:b2");
        assertThat(result.findings().get(0).evidence()).containsEntry("openClasses", 1);
        Finding review = result.findings().get(1);
        assertThat(review.evidence()).containsEntry("needsReview", true).containsEntry("foundBy", List.of("same SIS id"));
        assertThat(review.severity()).isEqualTo(Severity.WARNING);
    }

    @Test
    void statusDifferencesBothWaysWithTheUpdateThatFollowsTheSis() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Ava", "Reyes", "2016-01-01").inactive().sis()
                .student("b1", "Ava", "Reyes", "2016-01-01").sisId("s1").ours()
                .student("s2", "Kai", "Kealoha", "2015-01-01").sis()
                .student("b2", "Kai", "Kealoha", "2015-01-01").sisId("s2").inactive().ours());

        List<Finding> status = of(result, Category.STATUS_MISMATCH);
        assertThat(status).hasSize(2).allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR));
        assertThat(status.get(0).title()).contains("disabled in the SIS but active");
        assertThat(status.get(0).resolution().script()).isEqualTo("update students set active = false where student_key = 'b1';");
        assertThat(status.get(1).title()).contains("active in the SIS but inactive");
        assertThat(status.get(1).resolution().script()).isEqualTo("update students set active = true where student_key = 'b2';");
    }

    @Test
    void driftNamesEveryFieldWithBothValuesAndCosmeticDifferencesAreOnlyInformation() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Noah", "O'Brien", "2014-03-03").grade("06").sis()
                .student("b1", "Noah", "Smith", "2014-03-05").sisId("s1").grade("06").ours()
                .student("s2", "Léa", "Côté", "2014-03-03").grade("KG").sis()
                .student("b2", "LEA", "Cote", "2014-03-03").sisId("s2").grade("K").ours());

        List<Finding> drift = of(result, Category.FIELD_DRIFT);
        assertThat(drift).hasSize(2);
        Finding real = drift.get(0);
        assertThat(real.severity()).isEqualTo(Severity.WARNING);
        assertThat(real.evidence().get("fields")).isEqualTo(List.of(
                Map.of("field", "familyName", "sis", "O'Brien", "ours", "Smith"),
                Map.of("field", "birthDate", "sis", "2014-03-03", "ours", "2014-03-05")));
        assertThat(real.resolution().script())
                .isEqualTo("update students set family_name = 'O''Brien', birth_date = date '2014-03-03' where student_key = 'b1';");
        Finding cosmetic = drift.get(1);
        assertThat(cosmetic.severity()).isEqualTo(Severity.INFO);
        assertThat(cosmetic.evidence().get("fields").toString()).contains("differsOnlyIn").contains("grade");
    }

    @Test
    void aValueOnlyOneSideHasIsNotDrift() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "Noah", "Smith", "2014-03-03").email("noah@x.example").sis()
                .student("b1", "Noah", "Smith", null).sisId("s1").ours());
        assertThat(result.findings()).isEmpty();
    }

    @Test
    void categoriesAndThresholdsAreParameters() {
        TestRoster roster = TestRoster.roster()
                .student("s1", "Amara", "Okafor", "2016-02-11").sis()
                .student("b2", "Chidi", "Okafor", "2016-02-11").ours();

        assertThat(run(roster, Map.of("categories", List.of("MISSING_IN_OURS"))).findings())
                .extracting(Finding::category).containsExactly("MISSING_IN_OURS");
        assertThat(run(roster, Map.of("categories", "orphaned_in_ours, missing_in_ours")).findings())
                .extracting(Finding::category).containsExactly("MISSING_IN_OURS", "ORPHANED_IN_OURS");
        // twins score about 9.5: a match threshold of 9 pairs them, which is why it is 12 by default
        assertThat(of(run(roster, Map.of("matchThreshold", 9, "reviewThreshold", 5)), Category.REKEYED).get(0).evidence())
                .doesNotContainKey("needsReview");
        assertThat(of(run(roster, Map.of("reviewThreshold", 10)), Category.REKEYED)).isEmpty();
    }

    @Test
    void badParametersAreRefusedInWordsAnAgentUnderstands() {
        TestRoster roster = TestRoster.roster();
        assertThatThrownBy(() -> run(roster, Map.of("asOf", "16/11/2026"))).hasMessageContaining("year-month-day");
        assertThatThrownBy(() -> run(roster, Map.of("matchThreshold", 5, "reviewThreshold", 8)))
                .hasMessageContaining("review threshold (8.0) is above the match threshold (5.0)");
        assertThatThrownBy(() -> run(roster, Map.of("categories", List.of("MISSING")))).hasMessageContaining("MISSING_IN_OURS");
        assertThat(ParameterCheck.check(resolver.descriptor().parametersSchema(), Map.of("matchThreshold", "high")))
                .extracting(e -> e.field()).containsExactly("parameters.matchThreshold");
        assertThat(ParameterCheck.check(resolver.descriptor().parametersSchema(), Map.of("asOf", "yesterday")))
                .extracting(e -> e.field()).containsExactly("parameters.asOf");
        assertThat(ParameterCheck.check(resolver.descriptor().parametersSchema(),
                Map.of("asOf", "2026-11-16", "matchThreshold", 14, "reviewThreshold", 8, "categories", List.of("REKEYED")))).isEmpty();
    }

    @Test
    void theDescriptorListsEveryCategoryAndBothSnapshots() {
        assertThat(resolver.descriptor().id()).isEqualTo("student-mismatch");
        assertThat(resolver.descriptor().categories()).containsExactly("MISSING_IN_OURS", "ORPHANED_IN_OURS", "REKEYED",
                "DUPLICATE_IN_OURS", "DUPLICATE_IN_SIS", "STATUS_MISMATCH", "FIELD_DRIFT");
        assertThat(resolver.descriptor().needs()).hasSize(2);
    }

    @Test
    void theSameInputGivesTheSameFindingsInTheSameOrder() {
        TestRoster roster = TestRoster.roster()
                .student("s1", "Amara", "Okafor", "2016-02-11").sis()
                .student("b2", "Chidi", "Okafor", "2016-02-11").ours()
                .student("s3", "Zoë", "Núñez", "2016-05-04").number("100").sis()
                .student("b3", "Zoe", "Nunez", "2016-05-04").sisId("s-old").number("100").ours();
        Snapshots snapshots = roster.snapshots();
        List<String> first = resolver.analyze(snapshots, ToolParameters.none(), Progress.NONE).findings().stream()
                .map(Finding::fingerprint).toList();
        List<String> again = resolver.analyze(snapshots, ToolParameters.none(), Progress.NONE).findings().stream()
                .map(Finding::fingerprint).toList();
        assertThat(again).isEqualTo(first).hasSize(5);
    }

    @Test
    void aCancelledRunStopsAndSaysSo() {
        List<String> phases = new ArrayList<>();
        Progress cancelAfterFirstPhase = new Progress() {
            @Override
            public void report(String phase, int percent) {
                phases.add(phase);
            }

            @Override
            public boolean cancelled() {
                return !phases.isEmpty();
            }
        };
        ToolResult result = resolver.analyze(TestRoster.roster().student("s1", "Ava", "Reyes", "2016-01-01").sis().snapshots(),
                ToolParameters.none(), cancelAfterFirstPhase);
        assertThat(result.profile()).containsEntry("cancelled", true);
        assertThat(result.findings()).isEmpty();
        assertThat(phases).hasSize(2);
    }

    @Test
    void everyFindingNamesBothSidesValuesAndHasAResolution() {
        ToolResult result = run(TestRoster.roster()
                .student("s1", "William", "García-López", "2015-03-04").sis()
                .student("b1", "Bill", "Garcia", "2015-03-04").ours()
                .student("s2", "Amara", "Okafor", "2016-02-11").sis());
        assertThat(result.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.resolution()).isNotNull();
            assertThat(f.tool()).isEqualTo("student-mismatch");
            for (EntityRef e : f.entities()) {
                assertThat(e.values()).containsKeys("sisId", "identifier", "givenName", "familyName", "grade", "birthDate", "campus");
            }
        });
    }
}
