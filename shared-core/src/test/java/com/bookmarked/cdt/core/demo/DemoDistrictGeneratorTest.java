package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.roster.Enrollment;
import com.bookmarked.cdt.core.roster.GuardianEmailElsewhere;
import com.bookmarked.cdt.core.roster.RoleType;
import com.bookmarked.cdt.core.roster.RosterClass;
import com.bookmarked.cdt.core.roster.RosterUser;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoDistrictGeneratorTest {

    private final DemoDistrictGenerator generator = new DemoDistrictGenerator();

    @Test
    void sameSpecGivesTheSameDistrictAndAnotherSeedAnotherOne() {
        DemoDistrict first = generator.generate(new DemoSpec(1_000, 11));
        DemoDistrict again = generator.generate(new DemoSpec(1_000, 11));
        DemoDistrict other = generator.generate(new DemoSpec(1_000, 12));

        assertThat(again.sis()).isEqualTo(first.sis());
        assertThat(again.ours()).isEqualTo(first.ours());
        assertThat(again.truth()).isEqualTo(first.truth());
        assertThat(other.sis().users()).isNotEqualTo(first.sis().users());
        assertThat(other.truth().problems()).isNotEqualTo(first.truth().problems());
    }

    @Test
    void sizeOutsideTheSupportedRangeIsRefusedInPlainWords() {
        assertThatThrownBy(() -> new DemoSpec(99, 1)).hasMessageContaining("between 100 and 500000 students");
        assertThatThrownBy(() -> new DemoSpec(500_001, 1)).hasMessageContaining("500001 was asked for");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 99})
    void smallestDistrictHasEveryCategoryOfEveryTool(long seed) {
        DemoDistrict district = generator.generate(new DemoSpec(100, seed));
        Map<String, Integer> counts = district.truth().countsByCategory();
        DemoDistrictGenerator.CATEGORIES_BY_TOOL.forEach((tool, categories) -> {
            for (String category : categories) {
                assertThat(counts.getOrDefault(category, 0)).as(tool + " " + category).isPositive();
                assertThat(district.truth().ofCategory(category)).allMatch(p -> p.tool().equals(tool));
            }
        });
        assertThat(counts.keySet()).hasSize(24);
    }

    @Test
    void ratesStayWithinAFewTenthsOfAPercentOfStudents() {
        DemoDistrict district = generator.generate(new DemoSpec(10_000, 5));
        long students = district.sis().usersWithRole(RoleType.STUDENT).count();
        assertThat(students).isBetween(10_000L, 10_100L);
        district.truth().countsByCategory().forEach((category, n) ->
                assertThat(n / 10_000.0).as(category).isBetween(0.003, 0.01));
    }

    @Test
    void everyPlantedEntityExistsOnItsSideAndBelongsToOneProblemOnly() {
        DemoDistrict district = generator.generate(new DemoSpec(3_000, 8));
        Set<String> sis = keys(district.sis());
        Set<String> ours = keys(district.ours());
        for (GuardianEmailElsewhere e : district.ours().guardianEmailsElsewhere()) {
            ours.add("guardian:" + e.guardianKey());
        }
        Set<String> seen = new HashSet<>();
        for (PlantedProblem p : district.truth().problems()) {
            for (TruthEntity e : p.entities()) {
                String key = e.type().wireName() + ":" + e.key();
                assertThat(e.side() == SnapshotSide.SIS ? sis : ours).as(p.category() + " " + e.label()).contains(key);
                assertThat(seen.add(e.label())).as("%s appears in two planted problems", e.label()).isTrue();
            }
        }
    }

    @Test
    void cleanRecordsHaveUniqueIdentitiesAndEmailsOnReservedDomainsOnly() {
        DemoDistrict district = generator.generate(new DemoSpec(5_000, 21));
        Set<String> planted = district.truth().problems().stream().flatMap(p -> p.entities().stream())
                .map(TruthEntity::label).collect(Collectors.toSet());

        for (RosterSnapshot side : List.of(district.sis(), district.ours())) {
            Map<String, String> byIdentity = new HashMap<>();
            Map<String, String> byEmail = new HashMap<>();
            String sideName = side.meta().side().wireName();
            for (RosterUser u : side.users()) {
                if (u.email() != null) {
                    assertThat(u.email().toLowerCase(Locale.ROOT)).contains("example");
                }
                String label = sideName + ":" + type(u.role()).wireName() + ":" + u.sourcedId();
                if (planted.contains(label)) {
                    continue;
                }
                if (u.role() == RoleType.STUDENT && u.birthDate() != null) {
                    String identity = fold(u.givenName() + u.familyName()) + "|" + u.birthDate();
                    assertThat(byIdentity.put(identity, u.sourcedId())).as("look-alike of " + u.sourcedId()).isNull();
                }
                // Email conflicts are judged on our accounts, where people sign in.
                if (u.email() != null && side.meta().side() == SnapshotSide.OURS) {
                    assertThat(byEmail.put(u.email().trim().toLowerCase(Locale.ROOT), u.sourcedId()))
                            .as("email shared by " + u.sourcedId()).isNull();
                }
            }
        }
    }

    @Test
    void everyCleanClassHasATeacherAndEveryCleanActiveStudentAClass() {
        DemoDistrict district = generator.generate(new DemoSpec(2_000, 4));
        Set<String> planted = district.truth().problems().stream().flatMap(p -> p.entities().stream())
                .map(TruthEntity::label).collect(Collectors.toSet());
        Set<String> taught = new HashSet<>();
        Set<String> enrolled = new HashSet<>();
        for (Enrollment e : district.sis().enrollments()) {
            (e.role() == RoleType.TEACHER ? taught : enrolled).add(e.role() == RoleType.TEACHER ? e.classSourcedId() : e.userSourcedId());
        }
        for (RosterClass c : district.sis().classes()) {
            if (!planted.contains("sis:class:" + c.sourcedId())) {
                assertThat(taught).as(c.sourcedId()).contains(c.sourcedId());
            }
        }
        district.sis().usersWithRole(RoleType.STUDENT)
                .filter(u -> !planted.contains("sis:student:" + u.sourcedId()))
                .forEach(u -> assertThat(enrolled).as(u.sourcedId()).contains(u.sourcedId()));
    }

    @Test
    void truthJsonReadsBackToTheSameManifest() throws Exception {
        TruthManifest truth = generator.generate(new DemoSpec(500, 3)).truth();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TruthJson.write(truth, out);
        assertThat(TruthJson.read(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(truth);
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("\"countsByCategory\"")
                .contains("\"rule\" : \"sis.class.teacher\"");
    }

    static Set<String> keys(RosterSnapshot snapshot) {
        Set<String> keys = new HashSet<>();
        snapshot.users().forEach(u -> keys.add(type(u.role()).wireName() + ":" + u.sourcedId()));
        snapshot.classes().forEach(c -> keys.add("class:" + c.sourcedId()));
        snapshot.orgs().forEach(o -> keys.add("campus:" + o.sourcedId()));
        snapshot.enrollments().forEach(e -> keys.add("enrollment:" + e.sourcedId()));
        return keys;
    }

    static EntityType type(RoleType role) {
        return switch (role) {
            case STUDENT -> EntityType.STUDENT;
            case GUARDIAN -> EntityType.GUARDIAN;
            default -> EntityType.STAFF;
        };
    }

    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{Alnum}]", "").toLowerCase(Locale.ROOT);
    }
}
