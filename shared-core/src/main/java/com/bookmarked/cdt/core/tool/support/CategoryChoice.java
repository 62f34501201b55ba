package com.bookmarked.cdt.core.tool.support;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code categories} parameter every tool takes: which of its finding categories to report.
 * One definition, so that the form, the API and the CLI treat it alike in every tool.
 */
public final class CategoryChoice {

    private CategoryChoice() {
    }

    /**
     * The categories asked for: all when the parameter is absent or empty; a list or a
     * comma-separated string otherwise. {@code parse} says in words what an unknown name is.
     */
    public static <E extends Enum<E>> Set<E> parse(Object value, Class<E> type, Function<String, E> parse) {
        if (value == null) {
            return EnumSet.allOf(type);
        }
        Collection<?> items = value instanceof Collection<?> c ? c : Arrays.asList(value.toString().split(","));
        Set<E> chosen = EnumSet.noneOf(type);
        for (Object item : items) {
            if (item != null && !item.toString().isBlank()) {
                chosen.add(parse.apply(item.toString().trim()));
            }
        }
        return chosen.isEmpty() ? EnumSet.allOf(type) : chosen;
    }

    /** The parameter's JSON Schema: an array of the category names, unique, all by default. */
    public static Map<String, Object> schemaProperty(Enum<?>[] categories) {
        Map<String, Object> items = new LinkedHashMap<>();
        items.put("type", "string");
        items.put("enum", Arrays.stream(categories).map(Enum::name).toList());
        Map<String, Object> property = new LinkedHashMap<>();
        property.put("type", "array");
        property.put("title", "Categories");
        property.put("description", "Only report these categories; all of them when left out.");
        property.put("items", items);
        property.put("uniqueItems", true);
        return property;
    }
}
