package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.demo.DemoDistrictWriter;
import com.bookmarked.cdt.core.demo.DemoSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;

/** {@code cdt demo --students N --seed S --out DIR}: writes a demo district and its truth manifest. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Write a demo district: our side as SQL for the reference schema, the SIS side as a "
                + "OneRoster 1.1 (or 1.2) CSV zip, and truth.json listing every planted problem.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--students", defaultValue = "2000", description = "Number of students (100 to 500000).")
    int students;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same district.")
    long seed;

    @Option(names = "--out", required = true, description = "Folder to write into.")
    Path out;

    @Option(names = "--oneroster-version", defaultValue = "1.1",
            description = "OneRoster CSV version of the SIS zip: 1.1 or 1.2 (default: ${DEFAULT-VALUE}); the roster is the same.")
    String oneRosterVersion;

    @Override
    public Integer call() throws Exception {
        long start = System.nanoTime();
        var written = new DemoDistrictWriter().write(new DemoSpec(students, seed), out,
                DemoDistrictWriter.OneRosterVersion.of(oneRosterVersion));
        copyReferenceSchema(out);
        System.out.printf("Wrote a demo district of %,d students (seed %d) to %s in %.1f s%n", students, seed,
                out.toAbsolutePath(), (System.nanoTime() - start) / 1e9);
        System.out.printf("  %s, %s, %s, %s%n", written.zip().getFileName(), written.sql().getFileName(),
                written.truth().getFileName(), REFERENCE_SCHEMA);
        System.out.printf("  %,d planted problems:%n", written.manifest().problems().size());
        written.manifest().countsByCategory().forEach((category, n) -> System.out.printf("    %-32s %,d%n", category, n));
        return 0;
    }

    static final String REFERENCE_SCHEMA = "reference-schema.sql";

    static Path copyReferenceSchema(Path folder) throws java.io.IOException {
        Path target = folder.resolve(REFERENCE_SCHEMA);
        try (InputStream in = DemoCommand.class.getResourceAsStream("/bookmarked/reference-schema.sql")) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }
}
