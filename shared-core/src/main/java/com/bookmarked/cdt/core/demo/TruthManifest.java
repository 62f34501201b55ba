package com.bookmarked.cdt.core.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything planted in a demo district: what a correct tool must find, and nothing more.
 *
 * @param asOf the day the district describes ("today" for every tool)
 * @param lastSyncAt when our side last synced from the SIS
 */
public record TruthManifest(long seed, int students, LocalDate asOf, Instant lastSyncAt, List<PlantedProblem> problems) {

    public TruthManifest {
        problems = List.copyOf(problems);
    }

    public List<PlantedProblem> ofTool(String tool) {
        return problems.stream().filter(p -> p.tool().equals(tool)).toList();
    }

    public List<PlantedProblem> ofCategory(String category) {
        return problems.stream().filter(p -> p.category().equals(category)).toList();
    }

    /** Category names are unique across tools, so a flat, sorted map is enough. */
    public Map<String, Integer> countsByCategory() {
        Map<String, Integer> counts = new TreeMap<>();
        for (PlantedProblem p : problems) {
            counts.merge(p.category(), 1, Integer::sum);
        }
        return counts;
    }
}
