package com.bookmarked.cdt.tool.studentmismatch;

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

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo district, the findings of each category are exactly the planted problems of that
 * category (same entities: side, type and key), at 2,000 and 100,000 students and two seeds each.
 * Each district is generated once. Recall and precision are printed per category.
 */
class DemoDistrictTruthTest {

    private final StudentMismatchResolver resolver = new StudentMismatchResolver();

    @ParameterizedTest(name = "{0} students, seed {1}")
    @CsvSource({"2000, 1", "2000, 2", "100000, 1", "100000, 2"})
    void findsExactlyThePlantedProblems(int students, long seed) {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(students, seed));
        ToolResult result = resolver.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(), Progress.NONE);

        for (Category category : Category.values()) {
            Set<String> expected = district.truth().ofCategory(category.name()).stream()
                    .map(PlantedProblem::entityKey).collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = result.findings().stream().filter(f -> f.category().equals(category.name()))
                    .map(DemoDistrictTruthTest::label).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hits = new TreeSet<>(found);
            hits.retainAll(expected);
            System.out.printf("%7d students, seed %d  %-18s planted %4d found %4d  recall %.3f precision %.3f%n", students, seed,
                    category, expected.size(), found.size(), hits.size() / (double) expected.size(),
                    found.isEmpty() ? 0 : hits.size() / (double) found.size());
            result.findings().stream().filter(f -> f.category().equals(category.name()) && !expected.contains(label(f)))
                    .forEach(f -> System.out.println("  not planted: " + f.title() + " " + f.evidence()));
            assertThat(expected).as("planted %s", category).isNotEmpty();
            assertThat(found).as(category.name()).isEqualTo(expected);
        }
        assertThat(result.findings()).hasSize(district.truth().ofTool(StudentMismatchResolver.ID).size());
    }

    static String label(Finding f) {
        return f.entities().stream().map(DemoDistrictTruthTest::label).sorted().collect(Collectors.joining(" "));
    }

    private static String label(EntityRef e) {
        return e.side().wireName() + ':' + e.type().wireName() + ':' + e.key();
    }
}
