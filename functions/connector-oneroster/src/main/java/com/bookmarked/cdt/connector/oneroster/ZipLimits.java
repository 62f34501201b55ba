package com.bookmarked.cdt.connector.oneroster;

import java.util.Locale;

/**
 * What a OneRoster zip may hold before CDT refuses it, against zip bombs and exports that are not
 * what they claim. Sizes are of the uncompressed data, counted as it is read (the sizes a zip
 * declares can lie); the ratio applies only to entries larger than {@code ratioCheckedAbove}, since
 * small files of blank columns compress very well.
 *
 * @param maxEntries entries (files and folders) in the zip
 * @param maxEntryBytes uncompressed bytes of one entry
 * @param maxTotalBytes uncompressed bytes of all entries read
 * @param maxRatio uncompressed size divided by compressed size, per entry
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio, long ratioCheckedAbove) {

    /**
     * Generous for a district of half a million students (its largest file, enrollments.csv, is about
     * 400 MB) and far below what a bomb expands to. CSV of a real roster compresses 5 to 20 times.
     */
    public static final ZipLimits DEFAULT = new ZipLimits(1_000, 2L << 30, 8L << 30, 100, 1L << 20);

    public ZipLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxRatio < 1 || ratioCheckedAbove < 0) {
            throw new IllegalArgumentException("zip limits must be positive");
        }
    }

    static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.US, "%.1f GB", bytes / (double) (1L << 30));
        }
        if (bytes >= 1L << 20) {
            return String.format(Locale.US, "%.1f MB", bytes / (double) (1L << 20));
        }
        return String.format(Locale.US, "%,d KB", (bytes + 1023) / 1024);
    }
}
