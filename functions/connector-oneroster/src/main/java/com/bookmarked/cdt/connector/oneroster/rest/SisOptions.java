package com.bookmarked.cdt.connector.oneroster.rest;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a connector's {@code sis.options} and collects every problem at once, so that an agent
 * fixes the settings in one go: unknown names (typos), numbers out of range, values not in a list.
 */
public final class SisOptions {

    private final Map<String, String> options;
    private final List<String> problems = new ArrayList<>();

    public SisOptions(Map<String, String> options, Set<String> known) {
        this.options = options == null ? Map.of() : options;
        for (String name : new TreeSet<>(this.options.keySet())) {
            if (!known.contains(name)) {
                problems.add("options." + name + " is not a setting of this connector (it knows "
                        + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    /** Adds a problem found elsewhere (e.g. in the location). */
    public void problem(String text) {
        problems.add(text);
    }

    public String text(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public int integer(String name, int fallback, int min, int max) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("options." + name + " must be a whole number from " + min + " to " + max);
        return fallback;
    }

    /** One of {@code allowed} (case-insensitive, returned as listed), or the fallback when not set. */
    public String choice(String name, List<String> allowed, String fallback) {
        String value = text(name);
        if (value == null) {
            return fallback;
        }
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value)) {
                return a;
            }
        }
        problems.add("options." + name + " must be one of " + String.join(", ", allowed));
        return fallback;
    }

    /** An option that must be a web address; null (and a problem when required) otherwise. */
    public URI url(String name, boolean required, String what) {
        String value = text(name);
        if (value == null) {
            if (required) {
                problems.add("options." + name + " is required (" + what + ")");
            }
            return null;
        }
        URI uri = webAddress(value);
        if (uri == null) {
            problems.add("options." + name + " must be an https:// address (" + what + ")");
        }
        return uri;
    }

    /**
     * An absolute https URL with a host, or plain http to this machine only (tests, tunnels):
     * credentials never cross a network unencrypted. Null when the text is not one.
     */
    public static URI webAddress(String text) {
        if (text == null) {
            return null;
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                return null;
            }
            boolean local = "localhost".equalsIgnoreCase(uri.getHost()) || "127.0.0.1".equals(uri.getHost())
                    || "[::1]".equals(uri.getHost());
            return "https".equals(scheme) || ("http".equals(scheme) && local) ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Throws the problems found, if any, as one message that starts with {@code what}. */
    public void throwIfAny(String what) throws SettingsProblem {
        if (!problems.isEmpty()) {
            throw new SettingsProblem(what + ": " + String.join("; ", problems) + ".");
        }
    }
}
