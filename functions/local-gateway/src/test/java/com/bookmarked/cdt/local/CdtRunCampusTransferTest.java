package com.bookmarked.cdt.local;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cdt run campus-transfer --customer demo --format json} on a fresh data folder: the SIS
 * read from the OneRoster zip, our side from PostgreSQL through the read-only connector (with our
 * last sync time from the customers table), the run service and store; the findings match the
 * truth manifest's campus-transfer problems exactly (category and entity keys), and each carries
 * both timelines.
 */
class CdtRunCampusTransferTest {

    private static final Set<String> CATEGORIES = Set.of("CAMPUS_MISMATCH", "STALE_ENROLLMENT_AT_OLD_CAMPUS",
            "CONCURRENT_CAMPUSES", "UNMAPPED_CAMPUS", "PENDING_SYNC");

    @Test
    void printsExactlyThePlantedCampusTransferProblems(@TempDir Path dataDir) throws Exception {
        DemoRun run = DemoRun.of(dataDir, 4, "campus-transfer");

        for (JsonNode f : run.findings()) {
            assertThat(f.get("evidence").get("sisTimeline").size()).isPositive();
            assertThat(f.get("evidence").get("ourTimeline").size()).isPositive();
            assertThat(f.get("evidence").get("lastSyncAt").asText()).isEqualTo("2026-11-15T06:00:00Z");
        }
        assertThat(run.foundByCategory()).isEqualTo(DemoRun.planted(dataDir.resolve("demo/truth.json"), CATEGORIES));
    }
}
