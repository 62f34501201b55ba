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
 * The Parent Email Conflict Detector through the whole local path: {@code cdt run
 * parent-email-conflict --customer demo --format json} on a fresh data folder (demo district, our
 * side in the embedded PostgreSQL read through the Bookmarked connector and the default mapping,
 * including guardian emails of the other customer) prints exactly the planted email problems.
 */
class CdtRunParentEmailConflictTest {

    private static final Set<String> CATEGORIES = Set.of("SHARED_EMAIL", "CROSS_CUSTOMER_EMAIL", "EMAIL_OF_STUDENT_OR_STAFF",
            "PLACEHOLDER_EMAIL", "INVALID_EMAIL", "CASE_OR_WHITESPACE_VARIANT", "GUARDIAN_LINK_MISMATCH");

    @Test
    void printsExactlyThePlantedEmailProblems(@TempDir Path dataDir) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "parent-email-conflict", "--customer", "demo", "--format", "json",
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "4");
        assertThat(exit).as(stderr.toString()).isZero();

        ObjectMapper json = new ObjectMapper();
        JsonNode findings = json.readTree(stdout.toString());
        JsonNode truth = json.readTree(dataDir.resolve("demo/truth.json").toFile());

        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode f : findings) {
            found.computeIfAbsent(f.get("category").asText(), c -> new TreeSet<>()).add(keys(f.get("entities")));
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
