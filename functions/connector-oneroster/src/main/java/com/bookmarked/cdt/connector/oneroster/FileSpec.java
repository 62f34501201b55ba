package com.bookmarked.cdt.connector.oneroster;

import java.util.List;

/**
 * A CSV file of one OneRoster version: its name and the columns CDT needs. A missing required
 * column stops the import; optional columns may be absent; other columns are ignored.
 */
record FileSpec(String fileName, String manifestKey, List<String> required, List<String> optional) {

    static FileSpec of(String fileName, List<String> required, List<String> optional) {
        String base = fileName.substring(0, fileName.indexOf('.'));
        return new FileSpec(fileName, "file." + base, List.copyOf(required), List.copyOf(optional));
    }
}
