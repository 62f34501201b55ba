package com.bookmarked.cdt.tool.campustransfer;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo district, the findings of each category are exactly the planted problems of that
 * category (same entities: side, type, key), at 2,000 and 100,000 students with two seeds each.
 * Each district is generated and analysed once for the class. Recall and precision are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoDistrictTruthTest {

    private final CampusTransferValidator validator = new CampusTransferValidator();
    private final Map<String, Run> runs = new HashMap<>();

    /** What the tests need from one district; the snapshots themselves are let go to keep the heap small. */
    record Run(List<PlantedProblem> planted, ToolResult result) {
    }

    private Run run(int students, long seed) {
        return runs.computeIfAbsent(students + "/" + seed, k -> {
            DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(students, seed));
            return new Run(district.truth().ofTool(CampusTransferValidator.ID),
                    validator.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(), Progress.NONE));
        });
    }

    @ParameterizedTest(name = "{0} students, seed {1}")
    @CsvSource({"2000, 1", "2000, 2", "100000, 1", "100000, 2"})
    void findsExactlyThePlantedProblems(int students, long seed) {
        Run run = run(students, seed);
        for (Category category : Category.values()) {
            Set<String> expected = run.planted().stream().filter(p -> p.category().equals(category.name()))
                    .map(PlantedProblem::entityKey).collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = run.result().findings().stream().filter(f -> f.category().equals(category.name()))
                    .map(DemoDistrictTruthTest::label).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hits = new TreeSet<>(found);
            hits.retainAll(expected);
            System.out.printf("%6d students, seed %d  %-31s planted %4d found %4d  recall %.3f precision %.3f%n", students,
                    seed, category, expected.size(), found.size(), hits.size() / (double) expected.size(),
                    found.isEmpty() ? 0 : hits.size() / (double) found.size());
            assertThat(expected).as("planted %s", category).isNotEmpty();
            assertThat(found).as(category.name()).isEqualTo(expected);
        }
        assertThat(run.result().findings()).hasSize(run.planted().size());
    }

    @ParameterizedTest(name = "{0} students, seed {1}")
    @CsvSource({"2000, 1", "100000, 2"})
    void everyFindingCarriesBothTimelinesAndTheSyncTime(int students, long seed) {
        Run run = run(students, seed);
        for (Finding f : run.result().findings()) {
            assertThat(f.evidence()).containsKeys("asOf", "lastSyncAt", "sisTimeline", "ourTimeline");
            assertThat(f.evidence().get("lastSyncAt")).isEqualTo("2026-11-15T06:00:00Z");
            assertThat((List<?>) f.evidence().get("sisTimeline")).isNotEmpty();
            assertThat((List<?>) f.evidence().get("ourTimeline")).isNotEmpty();
            assertThat(f.resolution().description()).isNotBlank();
        }
        assertThat(run.result().profile()).containsEntry("asOf", "2026-11-16");
    }

    @Test
    void theSameDistrictGivesTheSameFindingsInTheSameOrder() {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(2000, 1));
        ToolResult again = validator.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(),
                Progress.NONE);
        assertThat(again.findings()).isEqualTo(run(2000, 1).result().findings());
    }

    static String label(Finding f) {
        return f.entities().stream().map(DemoDistrictTruthTest::label).sorted().collect(Collectors.joining(" "));
    }

    private static String label(EntityRef e) {
        return e.side().wireName() + ':' + e.type().wireName() + ':' + e.key();
    }
}
