package com.bookmarked.cdt.tool.studentmismatch;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.tool.ToolParameters;
import com.bookmarked.cdt.core.tool.support.CategoryChoice;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's parameters, with their defaults: "today", the two score thresholds (in bits, see
 * {@link Weights}) and the categories to report.
 */
record Settings(LocalDate asOf, double matchThreshold, double reviewThreshold, Set<Category> categories) {

    static final String AS_OF = "asOf";
    static final String MATCH_THRESHOLD = "matchThreshold";
    static final String REVIEW_THRESHOLD = "reviewThreshold";
    static final String CATEGORIES = "categories";
    static final double DEFAULT_MATCH = 12.0;
    static final double DEFAULT_REVIEW = 7.0;

    static Settings from(ToolParameters parameters, RosterSnapshot sis) {
        LocalDate asOf;
        String given = parameters.string(AS_OF, null);
        if (given == null || given.isBlank()) {
            asOf = sis.meta().asOfDate();
        } else {
            try {
                asOf = LocalDate.parse(given.trim());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"" + given + "\" is not a date: give asOf as year-month-day, e.g. 2026-11-16.");
            }
        }
        double match = parameters.number(MATCH_THRESHOLD, DEFAULT_MATCH);
        double review = parameters.number(REVIEW_THRESHOLD, DEFAULT_REVIEW);
        if (review > match) {
            throw new IllegalArgumentException("The review threshold (" + review + ") is above the match threshold (" + match
                    + "): pairs between the two are the ones shown for review, so it must be lower.");
        }
        return new Settings(asOf, match, review, categories(parameters.values().get(CATEGORIES)));
    }

    boolean wants(Category category) {
        return categories.contains(category);
    }

    /** All categories when the parameter is absent; a list or a comma-separated string otherwise. */
    static Set<Category> categories(Object value) {
        return CategoryChoice.parse(value, Category.class, Category::parse);
    }

    static Map<String, Object> schema() {
        Map<String, Object> asOf = new LinkedHashMap<>();
        asOf.put("type", "string");
        asOf.put("title", "As of");
        asOf.put("description", "The day that counts as today (year-month-day); when left out, the day the SIS data "
                + "describes (the export's own date, else the day it was fetched).");
        asOf.put("pattern", "^\\d{4}-\\d{2}-\\d{2}$");

        Map<String, Object> match = new LinkedHashMap<>();
        match.put("type", "number");
        match.put("title", "Match threshold");
        match.put("description", "Score (bits of evidence) from which two records with different ids are taken for the same "
                + "student. A record agreeing on every field scores about " + Math.round(Weights.fullAgreement()) + ".");
        match.put("minimum", 0);
        match.put("maximum", 60);
        match.put("default", DEFAULT_MATCH);

        Map<String, Object> review = new LinkedHashMap<>();
        review.put("type", "number");
        review.put("title", "Review threshold");
        review.put("description", "Pairs scoring from here up to the match threshold are shown as \"needs review\", never "
                + "paired; must not be above the match threshold.");
        review.put("minimum", 0);
        review.put("maximum", 60);
        review.put("default", DEFAULT_REVIEW);

        Map<String, Object> categories = CategoryChoice.schemaProperty(Category.values());

        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(AS_OF, asOf);
        properties.put(MATCH_THRESHOLD, match);
        properties.put(REVIEW_THRESHOLD, review);
        properties.put(CATEGORIES, categories);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        schema.put("type", "object");
        schema.put("properties", properties);
        schema.put("additionalProperties", false);
        return schema;
    }

    List<String> categoryNames() {
        return categories.stream().map(Enum::name).toList();
    }
}
