package com.bookmarked.cdt.core.tool;

import java.util.Map;

/**
 * Parameters of one run, already validated against the tool's schema at the edge. Accessors fall
 * back to the tool's defaults so that tools never see a missing value.
 */
public record ToolParameters(Map<String, Object> values) {

    public ToolParameters {
        values = values == null ? Map.of() : Map.copyOf(values);
    }

    public static ToolParameters none() {
        return new ToolParameters(Map.of());
    }

    public String string(String name, String fallback) {
        Object v = values.get(name);
        return v == null ? fallback : v.toString();
    }

    public double number(String name, double fallback) {
        Object v = values.get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        return v == null ? fallback : Double.parseDouble(v.toString());
    }

    public boolean flag(String name, boolean fallback) {
        Object v = values.get(name);
        if (v instanceof Boolean b) {
            return b;
        }
        return v == null ? fallback : Boolean.parseBoolean(v.toString());
    }
}
