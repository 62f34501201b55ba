package com.bookmarked.cdt.connector.oneroster;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Where the CSV files of an export live: a zip (files at its root or in one folder inside it) or
 * a folder. File names are matched without regard to case, as districts' tools vary.
 */
abstract class CsvSource implements Closeable {

    /** The file, or null when the export does not have it. */
    abstract InputStream open(String fileName) throws IOException;

    static CsvSource of(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return new Folder(location);
        }
        if (!Files.isRegularFile(location)) {
            throw new OneRosterFormatException("No OneRoster export at " + location.getFileName()
                    + ": expected a .zip file or a folder of CSV files.");
        }
        try {
            return new Zip(new ZipFile(location.toFile()));
        } catch (java.util.zip.ZipException e) {
            throw new OneRosterFormatException(location.getFileName() + " is not a readable zip file.");
        }
    }

    private static final class Folder extends CsvSource {
        private final Path folder;

        Folder(Path folder) {
            this.folder = folder;
        }

        @Override
        InputStream open(String fileName) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                Path match = files.filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName)).findFirst().orElse(null);
                return match == null ? null : Files.newInputStream(match);
            }
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends CsvSource {
        private final ZipFile zip;

        Zip(ZipFile zip) {
            this.zip = zip;
        }

        @Override
        InputStream open(String fileName) throws IOException {
            String wanted = fileName.toLowerCase(Locale.ROOT);
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName().replace('\\', '/');
                String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
                boolean shallow = name.indexOf('/') == name.lastIndexOf('/');
                if (!entry.isDirectory() && shallow && base.equals(wanted) && !name.startsWith("__MACOSX/")) {
                    return zip.getInputStream(entry);
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }
}
