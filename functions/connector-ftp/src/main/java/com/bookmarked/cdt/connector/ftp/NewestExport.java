package com.bookmarked.cdt.connector.ftp;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which file in the folder is the export to read: the newest that matches the pattern. A file
 * the server gives no time for counts as older than any it does; equal times go to the greater
 * name, as districts' tools put the date in the name ("roster_2026-11-02.zip").
 */
final class NewestExport {

    static final Comparator<RemoteFile> OLDEST_FIRST = Comparator
            .comparing(RemoteFile::modified, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(RemoteFile::name);

    private NewestExport() {
    }

    static Optional<RemoteFile> in(List<RemoteFile> files, FileNamePattern pattern) {
        return files.stream().filter(f -> pattern.matches(f.name())).max(OLDEST_FIRST);
    }

    static long matching(List<RemoteFile> files, FileNamePattern pattern) {
        return files.stream().filter(f -> pattern.matches(f.name())).count();
    }
}
