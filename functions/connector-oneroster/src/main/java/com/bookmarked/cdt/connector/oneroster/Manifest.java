package com.bookmarked.cdt.connector.oneroster;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** manifest.csv: the OneRoster version and, per file, whether it is sent in bulk, as a delta, or absent. */
final class Manifest {

    enum Mode { BULK, DELTA, ABSENT }

    static final FileSpec SPEC = FileSpec.of("manifest.csv", List.of("propertyName", "value"), List.of());

    private final Map<String, String> properties;
    final OneRosterVersion version;

    private Manifest(Map<String, String> properties) throws OneRosterFormatException {
        this.properties = properties;
        this.version = OneRosterVersion.fromManifest(properties.get("oneroster.version"));
    }

    static Manifest read(CsvSource source) throws IOException {
        Map<String, String> properties = new LinkedHashMap<>();
        Problems problems = new Problems(1);
        try (InputStream in = source.open(SPEC.fileName())) {
            if (in == null) {
                throw new OneRosterFormatException("The export has no manifest.csv, so CDT cannot tell which "
                        + "OneRoster version it is or which files it contains.");
            }
            try (CsvTable table = CsvTable.open(SPEC, in, problems)) {
                int name = table.column("propertyName");
                int value = table.column("value");
                table.forEach(row -> {
                    String key = row.code(name);
                    if (key == null) {
                        return;
                    }
                    String before = properties.putIfAbsent(key, row.code(value));
                    if (before != null) {
                        throw new CsvTable.BadValue("propertyName", key, "twice");
                    }
                });
            }
        }
        if (problems.count() > 0) {
            ImportProblem first = problems.kept().get(0);
            throw new OneRosterFormatException("manifest.csv cannot be trusted: " + (first.column() == null
                    ? "line " + first.line() + " " + first.message()
                    : "it names " + first.value() + " twice (again at line " + first.line() + ")")
                    + ". The district's export needs fixing.");
        }
        return new Manifest(properties);
    }

    /** How the manifest sends a file; a file it does not mention counts as sent in bulk when present. */
    Mode mode(FileSpec file) throws OneRosterFormatException {
        String value = properties.get(file.manifestKey());
        if (value == null) {
            return Mode.BULK;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "bulk" -> Mode.BULK;
            case "delta" -> Mode.DELTA;
            case "absent" -> Mode.ABSENT;
            default -> throw new OneRosterFormatException("manifest.csv says \"" + Problems.printable(value) + "\" for "
                    + file.manifestKey() + "; OneRoster allows bulk, delta or absent.");
        };
    }

    boolean mentions(FileSpec file) {
        return properties.containsKey(file.manifestKey());
    }
}
