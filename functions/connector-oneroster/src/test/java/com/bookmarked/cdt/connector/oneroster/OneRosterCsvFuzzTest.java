package com.bookmarked.cdt.connector.oneroster;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Whatever a district (or an attacker) sends, the reader answers with a snapshot or a clear
 * {@link OneRosterFormatException}: never another exception, never a hang. In the normal build
 * these run as regression tests over the committed seeds in
 * {@code src/test/resources/.../OneRosterCsvFuzzTestInputs/<method>/}; to fuzz one of them:
 * {@code JAZZER_FUZZ=1 ./mvnw -pl functions/connector-oneroster -am test -Dtest=OneRosterCsvFuzzTest#aZip
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OneRosterCsvFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-16T14:00:00Z");
    /** Small limits, so that a fuzzed zip bomb is refused in milliseconds. */
    private static final OneRosterCsvReader READER = new OneRosterCsvReader(new ZipLimits(200, 1 << 20, 4 << 20, 100, 64 << 10));
    private static final List<String> FILES = List.of("orgs.csv", "academicSessions.csv", "courses.csv", "classes.csv",
            "users.csv", "roles.csv", "userProfiles.csv", "enrollments.csv", "demographics.csv");
    private static Path work;

    @BeforeAll
    static void folder() throws IOException {
        work = Files.createTempDirectory("cdt-fuzz");
    }

    @AfterAll
    static void clean() throws IOException {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Any bytes, as the zip a district uploads or an FTP server hands over. */
    @FuzzTest(maxDuration = "60s")
    void aZip(byte[] bytes) throws IOException {
        Path zip = work.resolve("export.zip");
        Files.write(zip, bytes);
        readOrRefuse(zip);
    }

    /**
     * A well-formed export of either version whose files are each cut, spliced with fuzzed text or
     * replaced, and whose manifest sends them in bulk, as deltas or not at all.
     */
    @FuzzTest(maxDuration = "60s")
    void csvFiles(FuzzedDataProvider data) throws IOException {
        boolean v12 = data.consumeBoolean();
        Map<String, String> files = v12 ? OneRosterV1p2ReaderTest.validExport() : OneRosterCsvReaderTest.validExport();
        Path folder = Files.createDirectories(work.resolve("folder"));
        try (Stream<Path> old = Files.list(folder)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        StringBuilder manifest = new StringBuilder("propertyName,value\noneroster.version,")
                .append(data.consumeBoolean() ? (v12 ? "1.2" : "1.1") : data.consumeString(5)).append('\n');
        for (String file : FILES) {
            String content = files.get(file);
            if (content == null) {
                continue;
            }
            String mode = data.pickValue(new String[] {"bulk", "bulk", "delta", "absent"});
            manifest.append("file.").append(file, 0, file.indexOf('.')).append(',').append(mode).append('\n');
            switch (data.consumeInt(0, 3)) {
                case 0 -> { }
                case 1 -> content = content.substring(0, data.consumeInt(0, content.length()));
                case 2 -> {
                    int at = data.consumeInt(0, content.length());
                    content = content.substring(0, at) + data.consumeString(200) + content.substring(at);
                }
                default -> content = data.consumeString(400);
            }
            Files.writeString(folder.resolve(file), content, StandardCharsets.UTF_8);
        }
        Files.writeString(folder.resolve("manifest.csv"), manifest.append(data.consumeRemainingAsString()), StandardCharsets.UTF_8);
        readOrRefuse(folder);
    }

    private static void readOrRefuse(Path export) throws IOException {
        try {
            OneRosterImport result = READER.read(export, "fuzz", NOW);
            if (result.problems().size() > result.problemCount() || result.skippedRows() > result.problemCount()) {
                throw new IllegalStateException("problem counts do not add up: " + result.problemCount() + " counted, "
                        + result.problems().size() + " kept, " + result.skippedRows() + " skipped rows");
            }
            for (ImportProblem p : result.problems()) {
                if (p.message() == null || p.message().isBlank() || p.file() == null) {
                    throw new IllegalStateException("a problem without a message or file: " + p);
                }
            }
        } catch (OneRosterFormatException refused) {
            if (refused.getMessage() == null || refused.getMessage().isBlank()) {
                throw new IllegalStateException("refused without saying why", refused);
            }
        }
    }
}
