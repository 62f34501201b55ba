package com.bookmarked.cdt.connector.oneroster;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A SIS location that names a file or folder on this machine: a path, or a {@code file:} URL. Any
 * other URL ({@code ftp://}, {@code ftps://}, {@code sftp://}, {@code https://}) is fetched by
 * another connector, which hands the downloaded zip to the reader.
 */
final class LocalExport {

    private static final Pattern URL = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+://.*", Pattern.DOTALL);

    private LocalExport() {
    }

    static boolean isLocal(String location) {
        if (location == null || location.isBlank()) {
            return true; // a blank location is this connector's to report as a settings problem
        }
        String trimmed = location.trim();
        return !URL.matcher(trimmed).matches() || trimmed.toLowerCase(Locale.ROOT).startsWith("file://");
    }

    /** The path, or null when the location is blank, remote or not a valid path. */
    static Path path(String location) {
        if (location == null || location.isBlank() || !isLocal(location)) {
            return null;
        }
        String trimmed = location.trim();
        try {
            if (trimmed.toLowerCase(Locale.ROOT).startsWith("file:")) {
                return Path.of(URI.create(trimmed));
            }
            return Path.of(trimmed);
        } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }
}
