package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.run.ParameterCheck;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParentEmailConflictDetectorTest {

    private final ParentEmailConflictDetector detector = new ParentEmailConflictDetector();

    private ToolResult result(Families f, Map<String, Object> parameters) {
        return detector.analyze(Snapshots.of(f.sis(), f.ours()), new ToolParameters(parameters), Progress.NONE);
    }

    private List<Finding> run(Families f) {
        return result(f, Map.of()).findings();
    }

    private static List<String> keys(Finding f) {
        return f.entities().stream().map(e -> e.side().wireName() + ":" + e.type().wireName() + ":" + e.key()).toList();
    }

    private static List<String> categories(List<Finding> findings) {
        return findings.stream().map(Finding::category).toList();
    }

    /** Two parents of one child, each with their own address; a teacher. */
    private static Families family() {
        return new Families().guardian("1", "luis@mail.example").guardian("2", "rosa@mail.example")
                .student("1", "kid1@students.example", "1", "2").staff("1", "teach1@staff.example");
    }

    @Test
    void cleanRostersGiveNoFindings() {
        assertThat(run(family())).isEmpty();
    }

    @Nested
    class SharedEmail {
        @Test
        void twoParentsOfOneChildOnOneAddressAreOneConflictGroup() {
            Families f = new Families().guardian("1", "family@mail.example").guardian("2", "family@mail.example")
                    .guardian("3", "other@mail.example").student("1", null, "1", "2").student("2", null, "1", "3");

            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.category()).isEqualTo("SHARED_EMAIL");
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.rule()).isEqualTo("email.shared.same-household");
                assertThat(finding.title()).isEqualTo("2 guardian accounts share one email address (one family)");
                assertThat(keys(finding)).containsExactly("ours:guardian:bg1", "ours:guardian:bg2");
                assertThat(finding.entities().get(0).values()).containsEntry("students", "bs1,bs2")
                        .containsEntry("email", "family@mail.example").containsEntry("sisId", "g1");
                // Both SIS guardians have the address: keep it on the one with more students, ask for the other's own.
                assertThat(finding.evidence()).containsEntry("keep", "bg1").containsEntry("askDistrictFor", List.of("bg2"))
                        .containsEntry("correctFromSis", List.of()).containsEntry("households", 1)
                        .containsEntry("mailbox", "family@mail.example");
                assertThat(finding.resolution().action()).isEqualTo("fix-in-sis");
                assertThat(finding.resolution().description())
                        .contains("Keep the address on bg1 (Parent1 O'Brien) (the SIS gives it to 2 of these guardians; this one "
                                + "has the most students, or comes first).")
                        .contains("Ask the district for a separate address for bg2 (Parent2 O'Brien) and to enter it in their SIS")
                        .endsWith("Guardians of one family often share an address, but each needs their own to have an account.");
                assertThat(finding.resolution().script()).isNull();
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> accounts = (List<Map<String, Object>>) finding.evidence().get("accounts");
                assertThat(accounts).extracting(a -> a.get("account")).containsExactly("bg1", "bg2");
                assertThat(accounts.get(0).get("students")).isEqualTo(List.of(
                        Map.of("student", "bs1", "name", "Kid1 Núñez"), Map.of("student", "bs2", "name", "Kid2 Núñez")));
            });
        }

        @Test
        void whenTheSisHasAnotherAddressOurCopyIsCorrectedByScript() {
            Families f = new Families().guardian("1", "luis@mail.example")
                    .guardian("2", "rosa.o'brien@mail.example", "luis@mail.example").student("1", null, "1", "2");

            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.evidence()).containsEntry("keep", "bg1").containsEntry("correctFromSis", List.of("bg2"))
                        .containsEntry("askDistrictFor", List.of());
                assertThat(finding.resolution().action()).isEqualTo("correct-ours");
                assertThat(finding.resolution().script()).isEqualTo("""
                        begin;
                        update guardians set email = 'rosa.o''brien@mail.example' where guardian_key = 'bg2';
                        commit;""");
            });
        }

        @Test
        void unrelatedHouseholdsBelowTheThresholdShareAnAddress() {
            Families f = new Families().guardian("1", "shared@mail.example").guardian("2", "shared@mail.example")
                    .student("1", null, "1").student("2", null, "2");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("email.shared.different-households");
                assertThat(finding.title()).endsWith("(2 unrelated households)");
            });
        }

        @Test
        void aStudentOnlyTheSisLinksStillMakesOneHousehold() {
            Families f = new Families().guardian("1", "family@mail.example").guardian("2", "family@mail.example")
                    .guardian("3", "family@mail.example").student("1", null, "1", "2").onlyInSis("1", "1").onlyInSis("1", "2")
                    .student("2", null, "3");
            // Our links alone would make three households and a learned placeholder; the SIS's make two.
            List<Finding> findings = run(f);
            assertThat(categories(findings)).containsExactly("SHARED_EMAIL", "GUARDIAN_LINK_MISMATCH", "GUARDIAN_LINK_MISMATCH");
            assertThat(findings.get(0).evidence()).containsEntry("households", 2);
        }

        @Test
        void gmailSpellingsOfOneMailboxAreOneAddressButOutlookDotsAreNot() {
            Families gmail = new Families().guardian("1", "ana.diaz@gmail.com").guardian("2", "AnaDiaz+school@GoogleMail.com")
                    .student("1", null, "1", "2");
            List<Finding> findings = run(gmail);
            assertThat(categories(findings)).containsExactly("SHARED_EMAIL", "CASE_OR_WHITESPACE_VARIANT");
            assertThat(findings.get(0).evidence()).containsEntry("mailbox", "anadiaz@gmail.com")
                    .containsEntry("spellings", List.of("ana.diaz@gmail.com", "AnaDiaz+school@GoogleMail.com"));

            Families outlook = new Families().guardian("1", "ana.diaz@outlook.com").guardian("2", "anadiaz+pta@outlook.com")
                    .student("1", null, "1", "2");
            assertThat(run(outlook)).isEmpty();
            Families outlookTag = new Families().guardian("1", "ana.diaz@outlook.com").guardian("2", "ana.diaz+pta@outlook.com")
                    .student("1", null, "1", "2");
            assertThat(categories(run(outlookTag))).containsExactly("SHARED_EMAIL");
        }

        @Test
        void caseVariantsOfOneAddressAreSharedAndTheCapitalisedCopyIsAlsoAVariant() {
            Families f = new Families().guardian("1", "ana@mail.example").guardian("2", "Ana@Mail.Example")
                    .student("1", null, "1", "2");
            List<Finding> findings = run(f);
            assertThat(categories(findings)).containsExactly("SHARED_EMAIL", "CASE_OR_WHITESPACE_VARIANT");
            assertThat(keys(findings.get(1))).containsExactly("ours:guardian:bg2");
        }
    }

    @Nested
    class Placeholders {
        @Test
        void listedPlaceholdersAreOneWarningPerAccountNeverAShare() {
            Families f = new Families().guardian("1", "noemail@demo-usd.example").guardian("2", "NoEmail@demo-usd.example ")
                    .student("1", null, "1").student("2", null, "2");
            List<Finding> findings = run(f);
            assertThat(categories(findings)).containsExactly("PLACEHOLDER_EMAIL", "PLACEHOLDER_EMAIL");
            assertThat(findings).allSatisfy(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.rule()).isEqualTo("email.placeholder.listed");
                assertThat(finding.resolution().action()).isEqualTo("fix-in-sis");
                assertThat(finding.resolution().script()).isNull();
            });
            assertThat(findings).extracting(finding -> keys(finding)).containsExactly(List.of("ours:guardian:bg1"),
                    List.of("ours:guardian:bg2"));
        }

        @Test
        void anAddressOnManyUnrelatedHouseholdsIsLearnedAsAPlaceholder() {
            Families f = new Families().guardian("1", "office@school.example").guardian("2", "office@school.example")
                    .guardian("3", "office@school.example").guardian("4", "office@school.example")
                    .student("1", null, "1", "2").student("2", null, "3").student("3", null, "4");
            ToolResult result = result(f, Map.of());
            // bg1 and bg2 share a child: three households, the default threshold.
            assertThat(categories(result.findings())).containsExactly("PLACEHOLDER_EMAIL", "PLACEHOLDER_EMAIL",
                    "PLACEHOLDER_EMAIL", "PLACEHOLDER_EMAIL");
            assertThat(result.findings().get(0).rule()).isEqualTo("email.placeholder.learned");
            assertThat(result.findings().get(0).title())
                    .isEqualTo("Guardian bg1 has an address that 3 unrelated households share: a placeholder, not the parent's own");
            assertThat(result.findings().get(0).evidence()).containsEntry("households", 3).containsEntry("accounts", 4);
            assertThat(result.profile().get("learnedPlaceholders")).isEqualTo(Map.of("office@school.example", 3));

            List<Finding> higher = result(f, Map.of("placeholderHouseholds", 4)).findings();
            assertThat(higher).singleElement().satisfies(finding -> {
                assertThat(finding.category()).isEqualTo("SHARED_EMAIL");
                assertThat(keys(finding)).hasSize(4);
            });
        }

        @Test
        void whenTheSisHasTheRealAddressOurPlaceholderIsCorrected() {
            Families f = new Families().guardian("1", "luis@mail.example", "none@mail.example").student("1", null, "1");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.resolution().action()).isEqualTo("correct-ours");
                assertThat(finding.resolution().script()).contains("update guardians set email = 'luis@mail.example' "
                        + "where guardian_key = 'bg1';");
            });
        }

        @Test
        void aDistrictsOwnPlaceholderWordsCount() {
            Families f = new Families().guardian("1", "noparent@district.example").student("1", null, "1");
            assertThat(run(f)).isEmpty();
            assertThat(result(f, Map.of("extraPlaceholders", "noparent")).findings()).extracting(Finding::category)
                    .containsExactly("PLACEHOLDER_EMAIL");
        }
    }

    @Nested
    class InvalidEmail {
        @Test
        void eachBrokenAddressIsAnErrorWithWhatIsWrongAndTheLikelyIntent() {
            Families f = new Families().guardian("1", "luis@@mail.example").guardian("2", "rosa.mail.example")
                    .guardian("3", "ana@mail,example").guardian("4", "eva@mail..example").student("1", null, "1", "2", "3", "4");
            List<Finding> findings = run(f);
            assertThat(findings).extracting(Finding::rule).containsExactly("email.invalid.several-at", "email.invalid.no-at",
                    "email.invalid.comma", "email.invalid.double-dot");
            assertThat(findings).allSatisfy(finding -> {
                assertThat(finding.category()).isEqualTo("INVALID_EMAIL");
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.entities()).hasSize(1);
                assertThat(finding.resolution().action()).isEqualTo("fix-in-sis");
            });
            assertThat(findings.get(0).title()).isEqualTo("The email address of guardian bg1 has more than one @");
            assertThat(findings.get(0).evidence()).containsEntry("likelyMeant", "luis@mail.example");
            assertThat(findings.get(0).resolution().description()).endsWith(
                    "It was probably meant to be luis@mail.example; ask the district to confirm.");
            assertThat(findings.get(1).evidence()).containsEntry("likelyMeant", null);
        }

        @Test
        void whenTheSisHasAValidAddressOurBrokenCopyIsCorrected() {
            Families f = new Families().guardian("1", "luis@mail.example", "luis@mail,example").student("1", null, "1");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.resolution().action()).isEqualTo("correct-ours");
                assertThat(finding.resolution().script()).contains("set email = 'luis@mail.example'");
            });
        }

        @Test
        void anAccountWithoutAnAddressIsNotThisToolsConcern() {
            assertThat(run(new Families().guardian("1", null).guardian("2", "  ").student("1", null, "1", "2"))).isEmpty();
        }
    }

    @Nested
    class Variants {
        @Test
        void ourCopyWithCapitalsOrSpacesIsAWarningWithTheFix() {
            Families f = new Families().guardian("1", "luis@mail.example", " Luis@Mail.Example").student("1", null, "1");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.category()).isEqualTo("CASE_OR_WHITESPACE_VARIANT");
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(finding.rule()).isEqualTo("email.variant.case-and-whitespace");
                assertThat(finding.title()).isEqualTo("Our copy of guardian bg1's address has capital letters and spaces around it");
                assertThat(finding.evidence()).containsEntry("email", " Luis@Mail.Example")
                        .containsEntry("normalized", "luis@mail.example").containsEntry("sisEmail", "luis@mail.example");
                assertThat(finding.resolution().script()).contains("set email = 'luis@mail.example' where guardian_key = 'bg1'");
                assertThat(finding.resolution().description()).doesNotContain("The SIS has the same spelling");
            });
        }

        @Test
        void whenTheSisHasTheSameSpellingTheDistrictIsToldToo() {
            Families f = new Families().guardian("1", "LUIS@MAIL.EXAMPLE").student("1", null, "1");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("email.variant.case");
                assertThat(finding.resolution().description()).contains("The SIS has the same spelling");
            });
        }
    }

    @Nested
    class OtherOwners {
        @Test
        void anAddressOfAnotherCustomersGuardianIsAConflictAcrossCustomers() {
            Families f = family().elsewhere("luis@mail.example", "other", "bk-ot-gd-00001")
                    .elsewhere("nobody@mail.example", "other", "bk-ot-gd-00002");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.category()).isEqualTo("CROSS_CUSTOMER_EMAIL");
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(finding.title()).isEqualTo("Guardian bg1's address is also on a guardian account of customer other");
                assertThat(keys(finding)).containsExactly("ours:guardian:bg1", "ours:guardian:bk-ot-gd-00001");
                assertThat(finding.entities().get(1).values()).containsEntry("customer", "other");
                assertThat(finding.evidence()).containsEntry("otherCustomers", List.of("other"));
                assertThat(finding.resolution().action()).isEqualTo("confirm-with-district");
            });
        }

        @Test
        void aSharedAddressAlsoUsedElsewhereIsOneGroupOfEachKind() {
            Families f = new Families().guardian("1", "family@gmail.com").guardian("2", "Fa.Mily@gmail.com")
                    .student("1", null, "1", "2").elsewhere("fam.ily+kids@gmail.com", "other", "bk-ot-gd-00001");
            List<Finding> findings = run(f);
            assertThat(categories(findings)).containsExactly("SHARED_EMAIL", "CROSS_CUSTOMER_EMAIL", "CASE_OR_WHITESPACE_VARIANT");
            assertThat(keys(findings.get(1))).containsExactly("ours:guardian:bg1", "ours:guardian:bg2",
                    "ours:guardian:bk-ot-gd-00001");
            assertThat(findings.get(1).title())
                    .isEqualTo("2 guardian accounts have an address that is also on a guardian account of customer other");
        }

        @Test
        void placeholdersAcrossCustomersAreNoConflict() {
            Families f = new Families().guardian("1", "noemail@x.example").student("1", null, "1")
                    .elsewhere("noemail@x.example", "other", "bk-ot-gd-00001");
            assertThat(categories(run(f))).containsExactly("PLACEHOLDER_EMAIL");
        }

        @Test
        void aGuardianOnTheirChildsOrATeachersAddressIsAnError() {
            Families f = family().guardian("3", "Kid1@Students.Example", "kid1@students.example")
                    .guardian("4", "teach1@staff.example").student("2", null, "3", "4");
            List<Finding> findings = run(f);
            assertThat(categories(findings)).containsExactly("EMAIL_OF_STUDENT_OR_STAFF", "EMAIL_OF_STUDENT_OR_STAFF");
            assertThat(findings.get(0).rule()).isEqualTo("email.of-student");
            assertThat(keys(findings.get(0))).containsExactly("ours:guardian:bg3", "ours:student:bs1");
            assertThat(findings.get(0).title()).isEqualTo("Guardian bg3 uses the email address of student bs1");
            assertThat(findings.get(1).rule()).isEqualTo("email.of-staff");
            assertThat(keys(findings.get(1))).containsExactly("ours:guardian:bg4", "ours:staff:bt1");
            assertThat(findings.get(1).resolution().action()).isEqualTo("fix-in-sis");
            assertThat(findings.get(1).evidence()).containsEntry("askDistrictFor", List.of("bg4"));
        }

        @Test
        void whenOnlyOurCopyHasTheStudentsAddressTheSisAddressIsRestored() {
            Families f = family().guardian("3", "papa@mail.example", "kid1@students.example").student("2", null, "3");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.resolution().action()).isEqualTo("correct-ours");
                assertThat(finding.resolution().script()).contains("set email = 'papa@mail.example' where guardian_key = 'bg3'");
            });
        }
    }

    @Nested
    class GuardianLinks {
        @Test
        void aLinkTheSisHasAndWeLackListsBothStudentsAndBothGuardians() {
            Families f = family().onlyInSis("1", "2");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.category()).isEqualTo("GUARDIAN_LINK_MISMATCH");
                assertThat(finding.rule()).isEqualTo("link.missing-here");
                assertThat(finding.severity()).isEqualTo(Severity.ERROR);
                assertThat(keys(finding)).containsExactly("sis:student:s1", "ours:student:bs1", "sis:guardian:g2",
                        "ours:guardian:bg2");
                assertThat(finding.title()).isEqualTo("The SIS links guardian g2 to student s1; we do not");
                assertThat(finding.evidence()).containsEntry("sisGuardians", List.of("g1", "g2"))
                        .containsEntry("ourGuardians", List.of("bg1 (SIS g1)"));
                assertThat(finding.resolution().action()).isEqualTo("re-sync");
                assertThat(finding.resolution().script()).contains("insert into guardian_links (student_key, guardian_key) "
                        + "values ('bs1', 'bg2') on conflict do nothing;");
            });
        }

        @Test
        void aLinkWeKeepThatTheSisDroppedIsAnErrorWithTheRemoval() {
            Families f = family().guardian("3", "ex@mail.example").student("2", null, "3").onlyHere("1", "3");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("link.extra-here");
                assertThat(keys(finding)).containsExactly("sis:student:s1", "ours:student:bs1", "ours:guardian:bg3",
                        "sis:guardian:g3");
                assertThat(finding.resolution().action()).isEqualTo("remove-link");
                assertThat(finding.resolution().script())
                        .contains("delete from guardian_links where student_key = 'bs1' and guardian_key = 'bg3';");
            });
        }

        @Test
        void aGuardianAddedHereWithoutTheSisIsAWarning() {
            Families f = family().ourOwnGuardian("3", "aunt@mail.example").onlyHere("1", "3");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("link.not-from-sis");
                assertThat(finding.severity()).isEqualTo(Severity.WARNING);
                assertThat(keys(finding)).containsExactly("sis:student:s1", "ours:student:bs1", "ours:guardian:bg3");
            });
        }

        @Test
        void twoAccountsOfOneSisGuardianDoNotHideTheOtherGuardiansMissingLink() {
            Families f = family().secondAccount("3", "1", "luis.work@mail.example").student("1", null, "3").onlyInSis("1", "2");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.rule()).isEqualTo("link.missing-here");
                assertThat(keys(finding)).containsExactly("sis:student:s1", "ours:student:bs1", "sis:guardian:g2",
                        "ours:guardian:bg2");
            });
        }

        @Test
        void aSisGuardianWithTwoAccountsHereIsForEngineeringToMerge() {
            Families f = family().secondAccount("3", "2", "rosa.work@mail.example").onlyInSis("1", "2");
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(keys(finding)).containsExactly("sis:student:s1", "ours:student:bs1", "sis:guardian:g2",
                        "ours:guardian:bg2", "ours:guardian:bg3");
                assertThat(finding.resolution().action()).isEqualTo("investigate");
                assertThat(finding.resolution().script()).isNull();
            });
        }

        @Test
        void linksTheSisGivesOnlyOnTheGuardiansRowsCount() {
            assertThat(run(family().sisLinksOnGuardiansOnly())).isEmpty();
            assertThat(run(family().sisLinksOnGuardiansOnly().onlyInSis("1", "1"))).extracting(Finding::rule)
                    .containsExactly("link.missing-here");
        }

        @Test
        void aChangeInTheSisAfterOurLastSyncIsOnlyInfo() {
            Instant after = Instant.parse("2026-11-16T09:00:00Z");
            Families f = family().onlyInSis("1", "2").sisModified("g2", after);
            assertThat(run(f)).singleElement().satisfies(finding -> {
                assertThat(finding.severity()).isEqualTo(Severity.INFO);
                assertThat(finding.title()).endsWith("we do not yet (changed after our last sync)");
                assertThat(finding.evidence()).containsEntry("changedInSisAt", "2026-11-16T09:00:00Z")
                        .containsEntry("ourLastSyncAt", "2026-11-15T06:00:00Z");
                assertThat(finding.resolution().action()).isEqualTo("wait-for-sync");
            });
            Families before = family().onlyInSis("1", "2").sisModified("g2", Instant.parse("2026-11-14T09:00:00Z"));
            assertThat(run(before)).extracting(Finding::severity).containsExactly(Severity.ERROR);
        }
    }

    @Nested
    class Parameters {
        @Test
        void categoriesLimitWhatIsReported() {
            Families f = family().guardian("3", "x@@mail.example").onlyInSis("1", "2").student("2", null, "3");
            assertThat(categories(run(f))).containsExactly("INVALID_EMAIL", "GUARDIAN_LINK_MISMATCH");
            assertThat(categories(result(f, Map.of("categories", List.of("GUARDIAN_LINK_MISMATCH"))).findings()))
                    .containsExactly("GUARDIAN_LINK_MISMATCH");
            assertThat(categories(result(f, Map.of("categories", "invalid_email")).findings())).containsExactly("INVALID_EMAIL");
        }

        @Test
        void badValuesAreRefusedInWordsAnAgentUnderstands() {
            Families f = family();
            assertThatThrownBy(() -> result(f, Map.of("categories", List.of("TYPOS"))))
                    .hasMessageStartingWith("Unknown category \"TYPOS\"; the Parent Email Conflict Detector reports SHARED_EMAIL, ");
            assertThatThrownBy(() -> result(f, Map.of("placeholderHouseholds", 1)))
                    .hasMessage("The placeholder threshold (placeholderHouseholds) is a whole number of households, at least 2; "
                            + "1.0 was given.");
            assertThatThrownBy(() -> result(f, Map.of("placeholderHouseholds", 2.5))).hasMessageContaining("whole number");
        }

        @Test
        void theSchemaAcceptsTheDefaultsAndRefusesTypos() {
            Map<String, Object> schema = detector.descriptor().parametersSchema();
            assertThat(ParameterCheck.check(schema, Map.of("placeholderHouseholds", 5, "extraPlaceholders", "noparent",
                    "categories", List.of("SHARED_EMAIL")))).isEmpty();
            assertThat(ParameterCheck.check(schema, Map.of("placeholderHouseholds", 1))).isNotEmpty();
            assertThat(ParameterCheck.check(schema, Map.of("extraPlaceholders", "x@y.example"))).isNotEmpty();
            assertThat(ParameterCheck.check(schema, Map.of("asOf", "2026-11-16"))).isNotEmpty();
        }

        @Test
        void descriptorListsTheCategoriesAndNeedsBothSnapshots() {
            var d = detector.descriptor();
            assertThat(d.id()).isEqualTo("parent-email-conflict");
            assertThat(d.categories()).containsExactly("SHARED_EMAIL", "CROSS_CUSTOMER_EMAIL", "EMAIL_OF_STUDENT_OR_STAFF",
                    "PLACEHOLDER_EMAIL", "INVALID_EMAIL", "CASE_OR_WHITESPACE_VARIANT", "GUARDIAN_LINK_MISMATCH");
            assertThat(d.needs()).hasSize(2);
            assertThat(d.parametersSchema()).containsEntry("additionalProperties", false);
            assertThatThrownBy(() -> detector.analyze(Snapshots.of(family().ours()), ToolParameters.none(), Progress.NONE))
                    .hasMessage("the sis snapshot was not provided");
        }
    }

    @Test
    void profileCountsAddressesByVerdict() {
        Families f = family().guardian("3", null).guardian("4", "x@@mail.example").guardian("5", "none@mail.example")
                .student("2", null, "3", "4", "5");
        @SuppressWarnings("unchecked")
        Map<String, Integer> addresses = (Map<String, Integer>) result(f, Map.of()).profile().get("addresses");
        assertThat(addresses).containsEntry("guardianAccounts", 5).containsEntry("none", 1).containsEntry("invalid", 1)
                .containsEntry("listedPlaceholder", 1).containsEntry("learnedPlaceholder", 0).containsEntry("usable", 2);
        assertThat(result(f, Map.of()).profile()).containsEntry("placeholderHouseholds", 3);
    }

    @Test
    void progressIsReportedByPhaseAndCancellationStopsTheRun() {
        Families f = family().onlyInSis("1", "2");
        List<String> phases = new ArrayList<>();
        detector.analyze(Snapshots.of(f.sis(), f.ours()), ToolParameters.none(), new Progress() {
            @Override
            public void report(String phase, int percent) {
                phases.add(percent + " " + phase);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
        assertThat(phases).containsExactly("0 Indexing the rosters", "20 Reading guardian addresses", "35 Checking each address",
                "50 Looking for addresses used by several accounts", "70 Comparing guardian links with the SIS", "100 Done");

        List<String> cancelledPhases = new ArrayList<>();
        ToolResult cancelled = detector.analyze(Snapshots.of(f.sis(), f.ours()), ToolParameters.none(), new Progress() {
            @Override
            public void report(String phase, int percent) {
                cancelledPhases.add(phase);
            }

            @Override
            public boolean cancelled() {
                return cancelledPhases.size() >= 3;
            }
        });
        assertThat(cancelled.profile()).containsEntry("cancelled", true);
        assertThat(cancelled.findings()).isEmpty();
        assertThat(cancelledPhases).doesNotContain("Comparing guardian links with the SIS");
    }

    @Test
    void entitiesOfEveryFindingCarryTheirValues() {
        Families f = family().onlyInSis("1", "2");
        Finding finding = run(f).get(0);
        EntityRef sisGuardian = finding.entities().get(2);
        assertThat(sisGuardian.values()).containsEntry("email", "rosa@mail.example").containsEntry("givenName", "Parent2");
    }
}
