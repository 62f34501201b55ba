package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
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
 * The whole local path, as an engineer runs it: {@code cdt run missing-data --customer demo
 * --format json} on a fresh data folder generates the demo district, loads our side into the
 * embedded PostgreSQL, reads the SIS zip through the OneRoster connector and our side through
 * the read-only Bookmarked connector, runs the tool through the run service and store, and prints
 * findings that match the generator's truth manifest exactly (category and entity keys).
 */
class CdtRunOnTheDemoDistrictTest {

    private static final Set<String> MISSING_DATA_CATEGORIES = Set.of("MISSING_REQUIRED_FIELD",
            "UNRESOLVED_REFERENCE", "CLASS_WITHOUT_TEACHER", "STUDENT_WITHOUT_ENROLLMENT", "MISSING_HERE_PRESENT_IN_SIS");

    @Test
    void printsExactlyThePlantedMissingDataProblems(@TempDir Path dataDir) throws Exception {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "missing-data", "--customer", "demo", "--format", "json",
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "3");
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
            if (MISSING_DATA_CATEGORIES.contains(p.get("category").asText())) {
                planted.computeIfAbsent(p.get("category").asText(), c -> new TreeSet<>()).add(keys(p.get("entities")));
            }
        }
        assertThat(planted.keySet()).containsExactlyInAnyOrderElementsOf(MISSING_DATA_CATEGORIES);
        assertThat(found).isEqualTo(planted);
    }

    /** The acceptance of issue 3: the same run with the SIS side read from the demo written as OneRoster 1.2. */
    @Test
    void theSameFromTheOneRoster1p2ExportOfTheDistrict(@TempDir Path dataDir, @TempDir Path v12) throws Exception {
        Path zip = new DemoDistrictWriter().write(new DemoSpec(1500, 3), v12, DemoDistrictWriter.OneRosterVersion.V1_2).zip();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr))
                .execute("run", "missing-data", "--customer", "demo", "--sis", "oneroster-csv:" + zip, "--format", "json",
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "3");
        assertThat(exit).as(stderr.toString()).isZero();
        assertThat(stderr.toString()).contains("is read from " + zip);

        ObjectMapper json = new ObjectMapper();
        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode f : json.readTree(stdout.toString())) {
            found.computeIfAbsent(f.get("category").asText(), c -> new TreeSet<>()).add(keys(f.get("entities")));
        }
        Map<String, Set<String>> planted = new TreeMap<>();
        for (JsonNode p : json.readTree(v12.resolve("truth.json").toFile()).get("problems")) {
            if (MISSING_DATA_CATEGORIES.contains(p.get("category").asText())) {
                planted.computeIfAbsent(p.get("category").asText(), c -> new TreeSet<>()).add(keys(p.get("entities")));
            }
        }
        assertThat(found).isEqualTo(planted);

        // the run really reads the given export (the snapshot cache is keyed by it): one that is not there fails
        // the run, naming it
        StringWriter missingErr = new StringWriter();
        Path gone = v12.resolve("moved-away.zip");
        int failed = Cdt.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(missingErr))
                .execute("run", "missing-data", "--customer", "demo", "--sis", "oneroster-csv:" + gone,
                        "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", "3");
        assertThat(failed).isEqualTo(1);
        assertThat(missingErr.toString()).contains("No OneRoster export at " + gone);
    }

    private static String keys(JsonNode entities) {
        List<String> keys = new ArrayList<>();
        entities.forEach(e -> keys.add(e.get("side").asText() + ":" + e.get("type").asText() + ":" + e.get("key").asText()));
        keys.sort(null);
        return String.join(" ", keys);
    }
}
