package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.roster.RosterUser;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HardVariantSetTest {

    private static final HardVariantSet SET = HardVariantSet.generate(5_000, 7);

    @Test
    void theSameSizeAndSeedGiveTheSameSetAndAnotherSeedAnotherOne() {
        HardVariantSet again = HardVariantSet.generate(5_000, 7);
        assertThat(again.sisStudents()).isEqualTo(SET.sisStudents());
        assertThat(again.ourStudents()).isEqualTo(SET.ourStudents());
        assertThat(again.pairs()).isEqualTo(SET.pairs());
        assertThat(HardVariantSet.generate(5_000, 8).pairs()).isNotEqualTo(SET.pairs());
    }

    @Test
    void nothingLinksTheSidesByIdAndEveryPairNamesRecordsThatExist() {
        Set<String> sisKeys = SET.sisStudents().stream().map(RosterUser::sourcedId).collect(Collectors.toSet());
        Set<String> ourKeys = SET.ourStudents().stream().map(RosterUser::sourcedId).collect(Collectors.toSet());
        assertThat(SET.ourStudents()).allSatisfy(u -> assertThat(u.sisId() == null || !sisKeys.contains(u.sisId())).isTrue());
        assertThat(SET.pairs()).allSatisfy(p -> {
            assertThat(sisKeys).contains(p.sisKey());
            assertThat(ourKeys).contains(p.oursKey());
        });
        // one our record per pair at most, one SIS record per pair at most
        assertThat(SET.pairs().stream().map(HardVariantSet.TruePair::oursKey).distinct().count()).isEqualTo(SET.pairs().size());
        assertThat(SET.pairs().stream().map(HardVariantSet.TruePair::sisKey).distinct().count()).isEqualTo(SET.pairs().size());
        // about 14% of persons are on one side only
        assertThat(SET.pairs().size()).isBetween((int) (SET.sisStudents().size() * 0.85), (int) (SET.sisStudents().size() * 0.97));
    }

    @Test
    void everyKindOfVariantAndLookAlikeIsWellRepresented() {
        Map<String, Long> variants = SET.pairs().stream().flatMap(p -> p.variants().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(variants.keySet()).containsExactlyInAnyOrder("given-typo", "family-typo", "nickname", "accents-dropped",
                "hyphen-changed", "compound-shortened", "names-swapped", "day-month-swapped", "birth-off-by-one", "capitals",
                "grade-changed", "campus-changed", "new-student-number");
        assertThat(variants.values()).allSatisfy(n -> assertThat(n).isGreaterThan(50));
        Map<String, Long> alike = SET.lookAlikes().stream()
                .collect(Collectors.groupingBy(HardVariantSet.LookAlike::kind, Collectors.counting()));
        assertThat(alike.keySet()).containsExactlyInAnyOrder("twin", "sibling", "namesake");
        assertThat(alike.get("twin")).isGreaterThan(100);
        assertThat(alike.get("namesake")).isGreaterThan(50);
    }

    @Test
    void variantsChangeWhatTheyNameAndLookAlikesAreDifferentPeople() {
        Map<String, RosterUser> sis = new HashMap<>();
        SET.sisStudents().forEach(u -> sis.put(u.sourcedId(), u));
        Map<String, RosterUser> ours = new HashMap<>();
        SET.ourStudents().forEach(u -> ours.put(u.sourcedId(), u));
        for (HardVariantSet.TruePair p : SET.pairs()) {
            RosterUser s = sis.get(p.sisKey());
            RosterUser o = ours.get(p.oursKey());
            if (p.variants().isEmpty()) {
                assertThat(o.givenName()).isEqualTo(s.givenName());
                assertThat(o.familyName()).isEqualTo(s.familyName());
                assertThat(o.birthDate()).isEqualTo(s.birthDate());
            }
            if (p.variants().contains("day-month-swapped") && p.variants().size() == 1) {
                assertThat(o.birthDate().getMonthValue()).isEqualTo(s.birthDate().getDayOfMonth());
                assertThat(o.birthDate().getDayOfMonth()).isEqualTo(s.birthDate().getMonthValue());
            }
            if (p.variants().contains("names-swapped") && p.variants().size() == 1) {
                assertThat(o.givenName()).isEqualTo(s.familyName());
            }
        }
        Set<String> truePairs = new HashSet<>();
        SET.pairs().forEach(p -> truePairs.add(p.sisKey() + " " + p.oursKey()));
        for (HardVariantSet.LookAlike a : SET.lookAlikes()) {
            assertThat(truePairs).doesNotContain(a.sisKey() + " " + a.oursKey());
            RosterUser s = sis.get(a.sisKey());
            RosterUser o = ours.get(a.oursKey());
            assertThat(s).isNotNull();
            assertThat(o).isNotNull();
        }
    }

    @Test
    void noTwoPersonsShareBothNameAndBirthDate() {
        Set<String> identities = new HashSet<>();
        for (RosterUser u : SET.sisStudents()) {
            assertThat(identities.add(NameLists.ascii(u.givenName()) + " " + NameLists.ascii(u.familyName()) + " " + u.birthDate()))
                    .as(u.sourcedId()).isTrue();
        }
    }

    @Test
    void theSnapshotsCarryTheCampusMapping() {
        assertThat(SET.sisSnapshot().users()).hasSize(SET.sisStudents().size());
        assertThat(SET.oursSnapshot().orgs()).allSatisfy(o -> assertThat(o.sisId()).startsWith("hv-sch-"));
        assertThatThrownBy(() -> HardVariantSet.generate(10, 1)).hasMessageContaining("between 100");
    }
}
