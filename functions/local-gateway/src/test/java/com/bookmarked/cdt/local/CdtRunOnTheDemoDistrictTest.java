package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Set;

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
        DemoRun run = DemoRun.of(dataDir, 3, "missing-data");

        assertThat(run.foundByCategory())
                .isEqualTo(DemoRun.planted(dataDir.resolve("demo/truth.json"), MISSING_DATA_CATEGORIES));
    }

    /** The acceptance of issue 3: the same run with the SIS side read from the demo written as OneRoster 1.2. */
    @Test
    void theSameFromTheOneRoster1p2ExportOfTheDistrict(@TempDir Path dataDir, @TempDir Path v12) throws Exception {
        Path zip = new DemoDistrictWriter().write(new DemoSpec(1500, 3), v12, DemoDistrictWriter.OneRosterVersion.V1_2).zip();
        DemoRun run = DemoRun.of(dataDir, 3, "missing-data", "--sis", "oneroster-csv:" + zip);

        assertThat(run.stderr()).contains("is read from " + zip);
        assertThat(run.foundByCategory()).isEqualTo(DemoRun.planted(v12.resolve("truth.json"), MISSING_DATA_CATEGORIES));

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
}
