package com.bookmarked.cdt.core.demo;

import com.bookmarked.cdt.core.finding.EntityType;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** truth.json: the truth manifest as JSON, written with fields in a fixed order. */
public final class TruthJson {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TruthJson() {
    }

    public static void write(TruthManifest truth, OutputStream out) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("customerKey", DemoDistrictGenerator.CUSTOMER_KEY);
        root.put("seed", truth.seed());
        root.put("students", truth.students());
        root.put("asOf", truth.asOf().toString());
        root.put("lastSyncAt", truth.lastSyncAt().toString());
        root.put("countsByCategory", truth.countsByCategory());
        List<Map<String, Object>> problems = new ArrayList<>(truth.problems().size());
        for (PlantedProblem p : truth.problems()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("tool", p.tool());
            item.put("category", p.category());
            if (p.rule() != null) {
                item.put("rule", p.rule());
            }
            item.put("what", p.what());
            List<Map<String, String>> entities = new ArrayList<>();
            for (TruthEntity e : p.entities()) {
                Map<String, String> entity = new LinkedHashMap<>();
                entity.put("side", e.side().wireName());
                entity.put("type", e.type().wireName());
                entity.put("key", e.key());
                entities.add(entity);
            }
            item.put("entities", entities);
            problems.add(item);
        }
        root.put("problems", problems);
        JSON.writeValue(out, root);
    }

    public static TruthManifest read(InputStream in) throws IOException {
        JsonNode root = JSON.readTree(in);
        List<PlantedProblem> problems = new ArrayList<>();
        for (JsonNode p : root.path("problems")) {
            List<TruthEntity> entities = new ArrayList<>();
            for (JsonNode e : p.path("entities")) {
                entities.add(new TruthEntity(SnapshotSide.fromWire(e.path("side").asText()),
                        EntityType.fromWire(e.path("type").asText()), e.path("key").asText()));
            }
            problems.add(new PlantedProblem(p.path("tool").asText(), p.path("category").asText(),
                    p.hasNonNull("rule") ? p.get("rule").asText() : null, entities, p.path("what").asText()));
        }
        return new TruthManifest(root.path("seed").asLong(), root.path("students").asInt(),
                LocalDate.parse(root.path("asOf").asText()), Instant.parse(root.path("lastSyncAt").asText()), problems);
    }
}
