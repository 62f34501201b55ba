package com.bookmarked.cdt.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code cdt run TOOL --customer demo --format json} on a fresh data folder, as an engineer types
 * it, and what to compare it with: the demo's truth manifest, by category and exact entity keys.
 */
record DemoRun(JsonNode findings, String stderr) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs the tool on a demo district of 1,500 students of the seed; {@code more} adds options. */
    static DemoRun of(Path dataDir, int seed, String tool, String... more) throws IOException {
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        String[] args = Stream.concat(Stream.of("run", tool, "--customer", "demo", "--format", "json",
                "--data-dir", dataDir.toString(), "--demo-students", "1500", "--demo-seed", Integer.toString(seed)),
                Stream.of(more)).toArray(String[]::new);
        int exit = Cdt.commandLine().setOut(new PrintWriter(stdout)).setErr(new PrintWriter(stderr)).execute(args);
        assertThat(exit).as(stderr.toString()).isZero();
        return new DemoRun(JSON.readTree(stdout.toString()), stderr.toString());
    }

    Map<String, Set<String>> foundByCategory() {
        Map<String, Set<String>> found = new TreeMap<>();
        for (JsonNode f : findings) {
            found.computeIfAbsent(f.get("category").asText(), c -> new TreeSet<>()).add(keys(f.get("entities")));
        }
        return found;
    }

    /** The truth manifest's problems of these categories (every one must be planted at least once). */
    static Map<String, Set<String>> planted(Path truthFile, Set<String> categories) throws IOException {
        Map<String, Set<String>> planted = new TreeMap<>();
        for (JsonNode p : JSON.readTree(truthFile.toFile()).get("problems")) {
            if (categories.contains(p.get("category").asText())) {
                planted.computeIfAbsent(p.get("category").asText(), c -> new TreeSet<>()).add(keys(p.get("entities")));
            }
        }
        assertThat(planted.keySet()).containsExactlyInAnyOrderElementsOf(categories);
        return planted;
    }

    private static String keys(JsonNode entities) {
        List<String> keys = new ArrayList<>();
        entities.forEach(e -> keys.add(e.get("side").asText() + ":" + e.get("type").asText() + ":" + e.get("key").asText()));
        keys.sort(null);
        return String.join(" ", keys);
    }
}
