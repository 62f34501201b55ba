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
        try (InputStream in = source.open(SPEC.fileName())) {
            if (in == null) {
                throw new OneRosterFormatException("The export has no manifest.csv, so CDT cannot tell which "
                        + "OneRoster version it is or which files it contains.");
            }
            Problems ignored = new Problems(0);
            try (CsvTable table = CsvTable.open(SPEC, in, ignored)) {
                table.forEach(row -> {
                    String key = row.code("propertyName");
                    if (key != null) {
                        properties.putIfAbsent(key, row.code("value"));
                    }
                });
            }
        }
        return new Manifest(properties);
    }

    /** How the manifest sends a file; a file it does not mention counts as sent when present. */
    Mode mode(FileSpec file) throws OneRosterFormatException {
        String value = properties.get(file.manifestKey());
        if (value == null) {
            return Mode.BULK;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "bulk" -> Mode.BULK;
            case "delta" -> Mode.DELTA;
            case "absent" -> Mode.ABSENT;
            default -> throw new OneRosterFormatException("manifest.csv says \"" + value + "\" for " + file.manifestKey()
                    + "; OneRoster allows bulk, delta or absent.");
        };
    }

    boolean mentions(FileSpec file) {
        return properties.containsKey(file.manifestKey());
    }
}
