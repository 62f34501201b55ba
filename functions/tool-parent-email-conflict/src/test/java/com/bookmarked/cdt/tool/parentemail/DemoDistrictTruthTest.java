package com.bookmarked.cdt.tool.parentemail;

import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.demo.PlantedProblem;
import com.bookmarked.cdt.core.finding.EntityRef;
import com.bookmarked.cdt.core.finding.Finding;
import com.bookmarked.cdt.core.finding.Severity;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.Progress;
import com.bookmarked.cdt.core.tool.Snapshots;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the demo district, the findings of each category are exactly the planted problems of that
 * category (same entities: side, type, key), at 2,000 and 100,000 students, two seeds each. Each
 * district is generated once. Recall and precision per category are printed.
 */
class DemoDistrictTruthTest {

    private final ParentEmailConflictDetector detector = new ParentEmailConflictDetector();

    @ParameterizedTest(name = "{0} students, seed {1}")
    @CsvSource({"2000, 1", "2000, 2", "100000, 1", "100000, 2"})
    void findsExactlyThePlantedProblems(int students, long seed) {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(students, seed));
        ToolResult result = detector.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(), Progress.NONE);

        for (Category category : Category.values()) {
            Set<String> expected = district.truth().ofCategory(category.name()).stream().map(PlantedProblem::entityKey)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> found = result.findings().stream().filter(f -> f.category().equals(category.name()))
                    .map(DemoDistrictTruthTest::entityKey).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hits = new TreeSet<>(found);
            hits.retainAll(expected);
            System.out.printf("%7d students, seed %d  %-27s planted %4d found %4d  recall %.3f precision %.3f%n", students, seed,
                    category, expected.size(), found.size(), hits.size() / (double) expected.size(),
                    found.isEmpty() ? 0 : hits.size() / (double) found.size());
            assertThat(expected).as("planted %s", category).isNotEmpty();
            assertThat(found).as(category.name()).isEqualTo(expected);
        }
        assertThat(result.findings()).hasSize(district.truth().ofTool(ParentEmailConflictDetector.ID).size());
        // The demo's link problems are older than our last sync, so none is softened to info.
        assertThat(result.findings()).extracting(Finding::severity).doesNotContain(Severity.INFO);
    }

    @Test
    void theOutputDoesNotDependOnTheOrderOfTheInput() {
        DemoDistrict district = new DemoDistrictGenerator().generate(new DemoSpec(1_000, 5));
        ToolResult inOrder = detector.analyze(Snapshots.of(district.sis(), district.ours()), ToolParameters.none(), Progress.NONE);
        ToolResult reversed = detector.analyze(Snapshots.of(reversed(district.sis()), reversed(district.ours())),
                ToolParameters.none(), Progress.NONE);
        assertThat(inOrder.findings()).hasSize(district.truth().ofTool(ParentEmailConflictDetector.ID).size());
        assertThat(reversed.findings()).isEqualTo(inOrder.findings());
        assertThat(reversed.profile()).isEqualTo(inOrder.profile());
    }

    private static RosterSnapshot reversed(RosterSnapshot s) {
        return new RosterSnapshot(s.meta(), s.orgs(), s.users().reversed(), s.classes(), s.courses(), s.academicSessions(),
                s.enrollments().reversed(), s.guardianEmailsElsewhere().reversed());
    }

    static String entityKey(Finding f) {
        return f.entities().stream().map(DemoDistrictTruthTest::label).sorted().collect(Collectors.joining(" "));
    }

    private static String label(EntityRef e) {
        return e.side().wireName() + ':' + e.type().wireName() + ':' + e.key();
    }
}
