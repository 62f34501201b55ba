package com.bookmarked.cdt.core.demo;

import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A problem planted on purpose in the demo district, which a correct tool reports as exactly one
 * finding of this category with exactly these entities.
 *
 * @param rule the Missing Data Finder's rule id; null for tools without rules
 * @param what a short description for people reading truth.json
 */
public record PlantedProblem(String tool, String category, @Nullable String rule, List<TruthEntity> entities, String what) {

    public PlantedProblem {
        entities = List.copyOf(entities);
    }

    /** The sorted entity labels joined by spaces: what a finding must match. */
    public String entityKey() {
        return entities.stream().map(TruthEntity::label).sorted().collect(Collectors.joining(" "));
    }
}
