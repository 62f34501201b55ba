package com.bookmarked.cdt.connector.ftp;

import java.util.Locale;

/** Sizes in the units an agent reads ("1.4 MB"), and the sizes the settings accept ("2GB", "500 MB", "1048576"). */
final class ByteSize {

    private static final long KB = 1024;
    private static final long MB = KB * 1024;
    private static final long GB = MB * 1024;

    private ByteSize() {
    }

    static String describe(long bytes) {
        if (bytes < 0) {
            return "size unknown";
        }
        if (bytes < KB) {
            return String.format(Locale.US, "%,d bytes", bytes);
        }
        if (bytes < MB) {
            return String.format(Locale.US, "%,.1f KB", bytes / (double) KB);
        }
        if (bytes < GB) {
            return String.format(Locale.US, "%,.1f MB", bytes / (double) MB);
        }
        return String.format(Locale.US, "%,.2f GB", bytes / (double) GB);
    }

    /** A size such as {@code 2GB}, {@code 500 MB}, {@code 750k} or a plain number of bytes; null when it is none. */
    static Long parse(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT).replace(" ", "").replace("_", "");
        long unit = 1;
        for (String[] suffix : new String[][] {{"GB", "G"}, {"MB", "M"}, {"KB", "K"}}) {
            String found = t.endsWith(suffix[0]) ? suffix[0] : t.endsWith(suffix[1]) ? suffix[1] : null;
            if (found != null) {
                t = t.substring(0, t.length() - found.length());
                unit = switch (suffix[0]) {
                    case "GB" -> GB;
                    case "MB" -> MB;
                    default -> KB;
                };
                break;
            }
        }
        if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || !t.chars().allMatch(Character::isDigit) || t.length() > 15) {
            return null;
        }
        try {
            return Math.multiplyExact(Long.parseLong(t), unit);
        } catch (ArithmeticException e) {
            return null;
        }
    }
}
