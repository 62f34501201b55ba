package com.bookmarked.cdt.connector.oneroster;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A CSV file of one OneRoster version: its name and its columns. A missing required column stops
 * the import; optional columns may be absent; any other column is an extension, kept by name.
 */
final class FileSpec {

    private final String fileName;
    private final String manifestKey;
    private final List<String> required;
    private final Set<String> known = new HashSet<>();

    private FileSpec(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.manifestKey = "file." + fileName.substring(0, fileName.indexOf('.'));
        this.required = List.copyOf(required);
        for (String column : required) {
            known.add(column.toLowerCase(Locale.ROOT));
        }
        for (String column : optional) {
            known.add(column.toLowerCase(Locale.ROOT));
        }
    }

    static FileSpec of(String fileName, List<String> required, List<String> optional) {
        return new FileSpec(fileName, required, optional);
    }

    String fileName() {
        return fileName;
    }

    /** The manifest.csv property that says how this file is sent, e.g. {@code file.users}. */
    String manifestKey() {
        return manifestKey;
    }

    List<String> required() {
        return required;
    }

    /** Whether the specification names this column (any case); columns it does not name are extensions. */
    boolean knows(String column) {
        return known.contains(column.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return fileName;
    }
}
