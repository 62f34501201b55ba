package com.bookmarked.cdt.connector.oneroster.rest;

import java.util.Locale;

/** The OneRoster REST bindings CDT reads, with the path every endpoint of that version sits under. */
public enum RestVersion {
    V1_1("1.1", "/ims/oneroster/v1p1"),
    V1_2("1.2", "/ims/oneroster/rostering/v1p2");

    private final String label;
    private final String basePath;

    RestVersion(String label, String basePath) {
        this.label = label;
        this.basePath = basePath;
    }

    public String label() {
        return label;
    }

    public String basePath() {
        return basePath;
    }

    /** The version a setting names ("1.1", "v1p1", "1.2", "v1p2"), or null when it names none. */
    public static RestVersion named(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "1.1", "v1p1" -> V1_1;
            case "1.2", "v1p2" -> V1_2;
            default -> null;
        };
    }

    /** The version whose base path a URL already contains, or null. */
    public static RestVersion inUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.toLowerCase(Locale.ROOT);
        for (RestVersion v : values()) {
            if (lower.contains(v.basePath.toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        return null;
    }
}
