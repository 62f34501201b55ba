package com.bookmarked.cdt.tool.missingdata;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.demo.PlantedProblem;
import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo district, the findings of each category are exactly the planted problems of that
 * category: same entities (side, type, key) and same rule. Recall and precision are printed.
 */
class DemoDistrictTruthTest {

    private final MissingDataFinder finder = new MissingDataFinder();

    @ParameterizedTest(name = "{0} students, seed {1}")
    @CsvSource({"2000, 1", "2000, 2", "20000, 1", "20000, 2"})
    void findsExactlyThePlantedProblems(int students, long seed) {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(students, seed));
        ToolResult result = finder.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(), Progress.NONE);

        for (Category category : Category.values()) {
            Set<String> expected = district.truth().ofCategory(category.name()).stream()
                    .map(DemoDistrictTruthTest::label).collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = result.findings().stream().filter(f -> f.category().equals(category.name()))
                    .map(DemoDistrictTruthTest::label).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hits = new TreeSet<>(found);
            hits.retainAll(expected);
            System.out.printf("%6d students, seed %d  %-28s planted %4d found %4d  recall %.3f precision %.3f%n", students, seed,
                    category, expected.size(), found.size(), hits.size() / (double) expected.size(),
                    found.isEmpty() ? 0 : hits.size() / (double) found.size());
            assertThat(expected).as("planted %s", category).isNotEmpty();
            assertThat(found).as(category.name()).isEqualTo(expected);
        }
        assertThat(result.findings()).hasSize(district.truth().ofTool(MissingDataFinder.ID).size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"oneroster-csv", "oneroster-rest", "classlink"})
    void everyIntegrationTypeFindsTheSameOnTheDemoDistrict(String integrationType) {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(2_000, 3));
        ToolResult result = finder.analyze(Snapshots.of(district.sis(), district.ours()),
                new ToolParameters(Map.of("integrationType", integrationType)), Progress.NONE);
        Set<String> expected = district.truth().ofTool(MissingDataFinder.ID).stream().map(p -> p.category() + " " + label(p))
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> found = result.findings().stream().map(f -> f.category() + " " + label(f))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(found).isEqualTo(expected);
    }

    /** Rule plus sorted side:type:key of every entity: a finding and its planted problem must agree on both. */
    static String label(PlantedProblem p) {
        return p.rule() + " " + p.entityKey();
    }

    static String label(Finding f) {
        return f.rule() + " " + f.entities().stream().map(DemoDistrictTruthTest::label).sorted().collect(Collectors.joining(" "));
    }

    private static String label(EntityRef e) {
        return e.side().wireName() + ':' + e.type().wireName() + ':' + e.key();
    }
}
