package com.bookmarked.cdt.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;

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
        DemoRun run = DemoRun.of(dataDir, 4, "parent-email-conflict");

        assertThat(run.foundByCategory()).isEqualTo(DemoRun.planted(dataDir.resolve("demo/truth.json"), CATEGORIES));
    }
}
