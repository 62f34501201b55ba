package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.http.FieldError;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterCheckTest {

    static final Map<String, Object> SCHEMA = Map.of(
            "type", "object",
            "required", List.of("integrationType"),
            "properties", Map.of(
                    "integrationType", Map.of("type", "string", "enum", List.of("oneroster-csv", "classlink")),
                    "threshold", Map.of("type", "number", "minimum", 0, "maximum", 1),
                    "limit", Map.of("type", "integer", "exclusiveMinimum", 0),
                    "strict", Map.of("type", "boolean"),
                    "label", Map.of("type", "string", "minLength", 2, "maxLength", 5, "pattern", "^[a-z]+$"),
                    "categories", Map.of("type", "array", "uniqueItems", true, "maxItems", 2,
                            "items", Map.of("type", "string", "enum", List.of("A", "B", "C")))));

    static List<FieldError> check(Map<String, Object> values) {
        return ParameterCheck.check(SCHEMA, values);
    }

    static Map<String, Object> values(Object... pairs) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void validValuesPass() {
        assertThat(check(values("integrationType", "classlink", "threshold", 0.5, "limit", 3, "strict", true,
                "label", "abc", "categories", List.of("A", "C")))).isEmpty();
        assertThat(check(values("integrationType", "classlink", "limit", 3.0))).as("3.0 is a whole number").isEmpty();
    }

    @Test
    void requiredAndUnknownAreReported() {
        assertThat(check(values("colour", "red"))).containsExactlyInAnyOrder(
                new FieldError("parameters.colour", "is not a parameter of this tool (it takes "
                        + String.join(", ", ((Map<?, ?>) SCHEMA.get("properties")).keySet().stream().map(String::valueOf).toList()) + ")"),
                new FieldError("parameters.integrationType", "is required"));
        assertThat(check(values("integrationType", null))).extracting(FieldError::message).containsExactly("is required");
    }

    @Test
    void typesEnumsAndBounds() {
        assertThat(check(values("integrationType", "csv"))).containsExactly(
                new FieldError("parameters.integrationType", "must be one of oneroster-csv, classlink"));
        assertThat(check(values("integrationType", 5))).extracting(FieldError::message).containsExactly("must be text");
        assertThat(check(values("integrationType", "classlink", "threshold", 1.5)))
                .containsExactly(new FieldError("parameters.threshold", "must be at most 1"));
        assertThat(check(values("integrationType", "classlink", "threshold", -1)))
                .containsExactly(new FieldError("parameters.threshold", "must be at least 0"));
        assertThat(check(values("integrationType", "classlink", "threshold", "0.5")))
                .extracting(FieldError::message).containsExactly("must be a number");
        assertThat(check(values("integrationType", "classlink", "limit", 2.5)))
                .extracting(FieldError::message).containsExactly("must be a whole number");
        assertThat(check(values("integrationType", "classlink", "limit", 0)))
                .extracting(FieldError::message).containsExactly("must be more than 0");
        assertThat(check(values("integrationType", "classlink", "strict", "yes")))
                .extracting(FieldError::message).containsExactly("must be true or false");
    }

    @Test
    void stringsAndLists() {
        assertThat(check(values("integrationType", "classlink", "label", "a")))
                .extracting(FieldError::message).containsExactly("must have at least 2 characters");
        assertThat(check(values("integrationType", "classlink", "label", "abcdef")))
                .extracting(FieldError::message).containsExactly("must have at most 5 characters");
        assertThat(check(values("integrationType", "classlink", "label", "AB")))
                .extracting(FieldError::message).containsExactly("does not have the expected format");
        assertThat(check(values("integrationType", "classlink", "categories", "A")))
                .extracting(FieldError::message).containsExactly("must be a list");
        assertThat(check(values("integrationType", "classlink", "categories", List.of("A", "Z"))))
                .containsExactly(new FieldError("parameters.categories[1]", "must be one of A, B, C"));
        assertThat(check(values("integrationType", "classlink", "categories", List.of("A", "A"))))
                .extracting(FieldError::message).containsExactly("lists the same value twice");
        assertThat(check(values("integrationType", "classlink", "categories", List.of("A", "B", "C"))))
                .extracting(FieldError::message).containsExactly("must list at most 2 value(s)");
    }

    @Test
    void aToolWithoutParametersRefusesAny() {
        assertThat(ParameterCheck.check(Map.of("type", "object"), Map.of("x", 1)))
                .containsExactly(new FieldError("parameters.x", "is not a parameter of this tool (it takes none)"));
        assertThat(ParameterCheck.check(Map.of("type", "object"), Map.of())).isEmpty();
    }
}
