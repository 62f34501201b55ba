package com.bookmarked.cdt.local;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns {@code --param name=value} strings into the JSON types the tool's schema declares, so that
 * the run service validates CLI parameters exactly like the API's.
 */
final class CliParameters {

    private CliParameters() {
    }

    static Map<String, Object> coerce(Map<String, Object> schema, Map<String, String> raw) {
        Map<String, Object> properties = schema.get("properties") instanceof Map<?, ?> p ? cast(p) : Map.of();
        Map<String, Object> values = new LinkedHashMap<>();
        raw.forEach((name, text) -> {
            Object type = properties.get(name) instanceof Map<?, ?> property ? property.get("type") : null;
            values.put(name, convert(String.valueOf(type), text));
        });
        return values;
    }

    private static Object convert(String type, String text) {
        try {
            return switch (type) {
                case "integer" -> Long.parseLong(text.trim());
                case "number" -> Double.parseDouble(text.trim());
                case "boolean" -> switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
                    case "true", "yes", "1" -> true;
                    case "false", "no", "0" -> false;
                    default -> text;
                };
                case "array" -> Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
                default -> text;
            };
        } catch (NumberFormatException e) {
            return text; // the schema check names the parameter and the expected type
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
