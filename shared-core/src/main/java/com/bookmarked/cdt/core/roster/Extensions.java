package com.bookmarked.cdt.core.roster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns a source had beyond the model (OneRoster's extension columns), kept by name in the
 * order the source gave them so that nothing a district sends is lost on the way to a tool.
 */
public final class Extensions {

    private Extensions() {
    }

    /** An unmodifiable copy that keeps the order; the shared empty map when there is nothing. */
    public static Map<String, String> copyOf(Map<String, String> extensions) {
        if (extensions == null || extensions.isEmpty()) {
            return Map.of();
        }
        if (extensions.size() == 1) {
            Map.Entry<String, String> only = extensions.entrySet().iterator().next();
            return Map.of(only.getKey(), only.getValue());
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }
}
