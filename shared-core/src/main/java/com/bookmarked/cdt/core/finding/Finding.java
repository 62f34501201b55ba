package com.bookmarked.cdt.core.finding;

import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.core.annotation.Nullable;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One thing a tool found: what differs, on which records, the evidence, and the proposed fix.
 *
 * <p>The fingerprint identifies "the same problem" across runs so that two runs can be compared.
 * It hashes tool, category, rule and the sorted entity references (side, type, key); values are
 * left out on purpose, so that a finding whose values change is still the same finding.
 *
 * @param id unique within a run; assigned when the finding is stored (null when fresh from a tool)
 * @param rule the rule that produced the finding (e.g. {@code sis.student.required.birthDate})
 */
@Serdeable
public record Finding(
        @Nullable String id,
        String fingerprint,
        String tool,
        String category,
        Severity severity,
        String title,
        @Nullable String rule,
        List<EntityRef> entities,
        Map<String, Object> evidence,
        Resolution resolution) {

    public Finding {
        entities = List.copyOf(entities);
        evidence = evidence == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public Finding withId(String newId) {
        return new Finding(newId, fingerprint, tool, category, severity, title, rule, entities, evidence, resolution);
    }

    public static String fingerprintOf(String tool, String category, @Nullable String rule, List<EntityRef> entities) {
        List<String> keys = new ArrayList<>(entities.size());
        for (EntityRef e : entities) {
            keys.add(e.side().wireName() + ':' + e.type().wireName() + ':' + e.key());
        }
        Collections.sort(keys);
        StringBuilder text = new StringBuilder(tool).append('|').append(category).append('|')
                .append(rule == null ? "" : rule);
        for (String k : keys) {
            text.append('|').append(k);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static Builder builder(String tool, String category, Severity severity) {
        return new Builder(tool, category, severity);
    }

    /** Assembles a finding; the fingerprint is computed from what was added. */
    public static final class Builder {
        private final String tool;
        private final String category;
        private final Severity severity;
        private String title;
        private String rule;
        private final List<EntityRef> entities = new ArrayList<>(2);
        private final Map<String, Object> evidence = new LinkedHashMap<>();
        private Resolution resolution;

        private Builder(String tool, String category, Severity severity) {
            this.tool = tool;
            this.category = category;
            this.severity = severity;
        }

        public Builder title(String value) { this.title = value; return this; }
        public Builder rule(String value) { this.rule = value; return this; }
        public Builder entity(EntityRef value) { entities.add(value); return this; }
        public Builder evidence(String key, Object value) { evidence.put(key, value); return this; }
        public Builder resolution(String action, String description, @Nullable String script) {
            this.resolution = new Resolution(action, description, script);
            return this;
        }

        public Finding build() {
            if (title == null || resolution == null || entities.isEmpty()) {
                throw new IllegalStateException("a finding needs a title, at least one entity and a resolution");
            }
            return new Finding(null, fingerprintOf(tool, category, rule, entities), tool, category, severity, title,
                    rule, entities, evidence, resolution);
        }
    }
}
