package com.bookmarked.cdt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

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
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "campus-transfer", "--customer", "demo", "--format", "json",
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "4");
        assertThat(exit).as(stderr.toString()).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode findings = json.readTree(stdout.toString());
        JsonNode truth = json.readTree(dataDir.resolve("demo/truth.json").toFile());

        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode f : findings) {
            found.computeIfAbsent(f.get("category").asText(), c -> new TreeSet<>()).add(keys(f.get("entities")));
            assertThat(f.get("evidence").get("sisTimeline").size()).isPositive();
            assertThat(f.get("evidence").get("ourTimeline").size()).isPositive();
            assertThat(f.get("evidence").get("lastSyncAt").asText()).isEqualTo("2026-11-15T06:00:00Z");
        }
        Map<String, Set<String>> planted = new TreeMap<>();
        for (JsonNode p : truth.get("problems")) {
            if (CATEGORIES.contains(p.get("category").asText())) {
                planted.computeIfAbsent(p.get("category").asText(), c -> new TreeSet<>()).add(keys(p.get("entities")));
            }
        }
        assertThat(planted.keySet()).containsExactlyInAnyOrderElementsOf(CATEGORIES);
        assertThat(found).isEqualTo(planted);
    }

    private static String keys(JsonNode entities) {
        List<String> keys = new ArrayList<>();
        entities.forEach(e -> keys.add(e.get("side").asText() + ":" + e.get("type").asText() + ":" + e.get("key").asText()));
        keys.sort(null);
        return String.join(" ", keys);
    }
}
