package com.bookmarked.cdt.connector.oneroster;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Where the CSV files of an export live: a zip (files at its root or in one folder inside it) or
 * a folder. File names are matched without regard to case, as districts' tools vary. A zip is
 * read entry by entry as a stream, never extracted; it is checked against {@link ZipLimits} when
 * opened (its directory) and while read (the bytes it really expands to).
 */
abstract class CsvSource implements Closeable {

    /** The file, or null when the export does not have it. */
    abstract InputStream open(String fileName) throws IOException;

    /** Whether the export has the file. */
    abstract boolean has(String fileName) throws IOException;

    /** The file's size in bytes (uncompressed), or -1 when unknown; only to size tables ahead. */
    abstract long size(String fileName) throws IOException;

    /** When the file was last written, as the export records it, or null when unknown. */
    abstract java.time.LocalDateTime modified(String fileName) throws IOException;

    static CsvSource of(Path location, ZipLimits limits) throws IOException {
        if (Files.isDirectory(location)) {
            return new Folder(location);
        }
        if (!Files.isRegularFile(location)) {
            throw new OneRosterFormatException("No OneRoster export at " + location.getFileName()
                    + ": expected a .zip file or a folder of CSV files.");
        }
        ZipFile zip;
        try {
            zip = new ZipFile(location.toFile());
        } catch (ZipException | java.io.EOFException | IllegalArgumentException e) {
            throw new OneRosterFormatException(location.getFileName() + " is not a readable zip file.");
        }
        try {
            return new Zip(location.getFileName().toString(), zip, limits);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    private static final class Folder extends CsvSource {
        private final Path folder;

        Folder(Path folder) {
            this.folder = folder;
        }

        private Path find(String fileName) throws IOException {
            try (Stream<Path> files = Files.list(folder)) {
                return files.filter(p -> p.getFileName().toString().equalsIgnoreCase(fileName) && Files.isRegularFile(p))
                        .findFirst().orElse(null);
            }
        }

        @Override
        InputStream open(String fileName) throws IOException {
            Path match = find(fileName);
            return match == null ? null : Files.newInputStream(match);
        }

        @Override
        boolean has(String fileName) throws IOException {
            return find(fileName) != null;
        }

        @Override
        long size(String fileName) throws IOException {
            Path match = find(fileName);
            return match == null ? -1 : Files.size(match);
        }

        @Override
        java.time.LocalDateTime modified(String fileName) throws IOException {
            Path match = find(fileName);
            return match == null ? null
                    : java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(match).toInstant(), java.time.ZoneOffset.UTC);
        }

        @Override
        public void close() {
        }
    }

    private static final class Zip extends CsvSource {
        private final String zipName;
        private final ZipFile zip;
        private final ZipLimits limits;
        /** The CSV files by lower-case name: at the root, or all in the one folder the export sits in. */
        private final Map<String, ZipEntry> files = new HashMap<>();
        private long totalRead;

        Zip(String zipName, ZipFile zip, ZipLimits limits) throws IOException {
            this.zipName = zipName;
            this.zip = zip;
            this.limits = limits;
            int count = 0;
            long declared = 0;
            String folder = null;
            try {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (++count > limits.maxEntries()) {
                        throw refused("it has more than " + limits.maxEntries() + " entries, far more than a OneRoster export");
                    }
                    String name = entry.getName().replace('\\', '/');
                    checkName(name);
                    if (entry.getSize() > limits.maxEntryBytes()) {
                        throw refused(Problems.printable(name) + " would expand to " + ZipLimits.size(entry.getSize())
                                + ", more than the " + ZipLimits.size(limits.maxEntryBytes()) + " CDT reads from one file");
                    }
                    declared += Math.max(0, entry.getSize());
                    if (declared > limits.maxTotalBytes()) {
                        throw refused("its files would expand to more than " + ZipLimits.size(limits.maxTotalBytes()));
                    }
                    if (entry.isDirectory() || name.startsWith("__MACOSX/") || !name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                        continue;
                    }
                    int slash = name.lastIndexOf('/');
                    if (slash != name.indexOf('/')) {
                        continue; // deeper than one folder: not part of the export
                    }
                    String in = slash < 0 ? "" : name.substring(0, slash);
                    String base = name.substring(slash + 1).toLowerCase(Locale.ROOT);
                    if (base.startsWith("._")) {
                        continue; // macOS resource forks
                    }
                    if (folder != null && !folder.equals(in) && base.equals("manifest.csv")) {
                        throw refused("it holds two exports (" + where(folder) + " and " + where(in)
                                + "); send one export per zip");
                    }
                    if (base.equals("manifest.csv")) {
                        folder = in;
                    }
                    ZipEntry before = files.putIfAbsent(in + "/" + base, entry);
                    if (before != null) {
                        throw refused("it has " + Problems.printable(name) + " twice");
                    }
                }
            } catch (IllegalArgumentException e) {
                // the directory itself is damaged (e.g. a name that is not valid text)
                throw new OneRosterFormatException(zipName + " is damaged: its list of files cannot be read.");
            }
            String root = folder == null ? "" : folder;
            files.keySet().removeIf(key -> !key.startsWith(root + "/") || key.indexOf('/', root.length() + 1) >= 0);
            Map<String, ZipEntry> byName = new HashMap<>();
            files.forEach((key, entry) -> byName.put(key.substring(key.lastIndexOf('/') + 1), entry));
            files.clear();
            files.putAll(byName);
        }

        private static String where(String folder) {
            return folder.isEmpty() ? "one at the top" : "one in " + Problems.printable(folder) + "/";
        }

        /** Entries that would land outside their folder if extracted are refused, though CDT never extracts. */
        private void checkName(String name) throws OneRosterFormatException {
            if (name.isEmpty() || name.startsWith("/") || (name.length() > 1 && name.charAt(1) == ':')
                    || name.indexOf('\0') >= 0) {
                throw refused("it has an entry with an absolute path (" + Problems.printable(name)
                        + "); a OneRoster export holds plain file names");
            }
            for (String part : name.split("/")) {
                if (part.equals("..")) {
                    throw refused("it has an entry that tries to leave its folder (" + Problems.printable(name) + ")");
                }
            }
        }

        private OneRosterFormatException refused(String why) {
            return new OneRosterFormatException(zipName + " was refused: " + why + ".");
        }

        @Override
        boolean has(String fileName) {
            return files.containsKey(fileName.toLowerCase(Locale.ROOT));
        }

        @Override
        long size(String fileName) {
            ZipEntry entry = files.get(fileName.toLowerCase(Locale.ROOT));
            return entry == null ? -1 : Math.min(entry.getSize(), limits.maxEntryBytes());
        }

        @Override
        java.time.LocalDateTime modified(String fileName) {
            ZipEntry entry = files.get(fileName.toLowerCase(Locale.ROOT));
            return entry == null || entry.getTime() == -1 ? null : entry.getTimeLocal();
        }

        @Override
        InputStream open(String fileName) throws IOException {
            ZipEntry entry = files.get(fileName.toLowerCase(Locale.ROOT));
            if (entry == null) {
                return null;
            }
            try {
                return new Counted(entry, zip.getInputStream(entry));
            } catch (ZipException e) {
                throw damaged(entry);
            }
        }

        private OneRosterFormatException damaged(ZipEntry entry) {
            return new OneRosterFormatException(zipName + " is damaged: " + Problems.printable(entry.getName())
                    + " in it cannot be unpacked (the zip may be cut short or not a plain zip).");
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }

        /** Counts what an entry really expands to and stops at the limits; a damaged entry becomes a clear error. */
        private final class Counted extends FilterInputStream {
            private final ZipEntry entry;
            private long read;

            Counted(ZipEntry entry, InputStream in) {
                super(in);
                this.entry = entry;
            }

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n;
                try {
                    n = super.read(b, off, len);
                } catch (OneRosterFormatException e) {
                    throw e;
                } catch (IOException | RuntimeException e) {
                    throw damaged(entry);
                }
                if (n > 0) {
                    count(n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] discard = new byte[8192];
                long skipped = 0;
                while (skipped < n) {
                    int r = read(discard, 0, (int) Math.min(discard.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }

            private void count(int n) throws OneRosterFormatException {
                read += n;
                totalRead += n;
                String name = Problems.printable(entry.getName());
                if (read > limits.maxEntryBytes()) {
                    throw refused(name + " expands to more than " + ZipLimits.size(limits.maxEntryBytes())
                            + ", the most CDT reads from one file");
                }
                if (totalRead > limits.maxTotalBytes()) {
                    throw refused("its files expand to more than " + ZipLimits.size(limits.maxTotalBytes()));
                }
                long compressed = entry.getCompressedSize();
                if (read > limits.ratioCheckedAbove() && compressed > 0 && read / compressed > limits.maxRatio()) {
                    throw refused(name + " expands more than " + limits.maxRatio()
                            + " times its packed size, as zip bombs do");
                }
            }
        }
    }
}
