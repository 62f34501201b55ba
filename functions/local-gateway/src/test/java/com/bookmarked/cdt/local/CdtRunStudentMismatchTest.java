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
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "student-mismatch", "--customer", "demo", "--format", "json",
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "5");
        assertThat(exit).as(stderr.toString()).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode findings = json.readTree(stdout.toString());
        JsonNode truth = json.readTree(dataDir.resolve("demo/truth.json").toFile());

        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode f : findings) {
            String category = f.get("category").asText();
            found.computeIfAbsent(category, c -> new TreeSet<>()).add(keys(f.get("entities")));
            assertThat(f.get("resolution").get("action").asText()).isNotBlank();
            if (!category.equals("DUPLICATE_IN_SIS")) {
                assertThat(f.get("resolution").get("script").asText()).as(category).contains("students");
            }
            if (category.equals("REKEYED")) {
                assertThat(f.get("evidence").get("stage").asText()).isEqualTo("identifier");
            }
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
