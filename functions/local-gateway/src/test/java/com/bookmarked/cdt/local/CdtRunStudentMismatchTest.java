package com.bookmarked.cdt.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cdt run student-mismatch --customer demo --format json} on a fresh data folder: the SIS
 * read from the OneRoster zip, our side from PostgreSQL through the read-only connector and the
 * default mapping, the run service and store; the findings match the truth manifest's
 * student-mismatch problems exactly (category and entity keys), and every one proposes a fix with
 * SQL for our database, except a duplicate in the SIS, which is fixed in the SIS.
 */
class CdtRunStudentMismatchTest {

    private static final Set<String> CATEGORIES = Set.of("MISSING_IN_OURS", "ORPHANED_IN_OURS", "REKEYED",
            "DUPLICATE_IN_OURS", "DUPLICATE_IN_SIS", "STATUS_MISMATCH", "FIELD_DRIFT");

    @Test
    void printsExactlyThePlantedStudentMismatches(@TempDir Path dataDir) throws Exception {
        DemoRun run = DemoRun.of(dataDir, 5, "student-mismatch");

        for (JsonNode f : run.findings()) {
            String category = f.get("category").asText();
            assertThat(f.get("resolution").get("action").asText()).isNotBlank();
            if (!category.equals("DUPLICATE_IN_SIS")) {
                assertThat(f.get("resolution").get("script").asText()).as(category).contains("students");
            }
            if (category.equals("REKEYED")) {
                assertThat(f.get("evidence").get("stage").asText()).isEqualTo("identifier");
            }
        }
        assertThat(run.foundByCategory()).isEqualTo(DemoRun.planted(dataDir.resolve("demo/truth.json"), CATEGORIES));
    }
}
