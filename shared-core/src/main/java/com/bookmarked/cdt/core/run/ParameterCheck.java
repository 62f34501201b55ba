package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.http.FieldError;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks a run's parameters against the tool's JSON Schema, answering in words an agent can act
 * on. It covers what tool schemas use: {@code properties}, {@code required}, {@code type}
 * (string, integer, number, boolean, array, object), {@code enum}, {@code minimum}/{@code maximum}
 * (and the exclusive forms), {@code minLength}/{@code maxLength}, {@code pattern}, and for arrays
 * {@code items}, {@code minItems}/{@code maxItems}, {@code uniqueItems}. Properties the schema
 * does not name are always refused, so that a typo never silently falls back to a default. A
 * null value counts as "not given".
 */
public final class ParameterCheck {

    private ParameterCheck() {
    }

    /** Field errors, empty when the values fit the schema. Fields are named {@code parameters.<name>}. */
    public static List<FieldError> check(Map<String, Object> schema, Map<String, Object> values) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> properties = map(schema.get("properties"));
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (!properties.containsKey(e.getKey())) {
                errors.add(new FieldError("parameters." + e.getKey(), properties.isEmpty()
                        ? "is not a parameter of this tool (it takes none)"
                        : "is not a parameter of this tool (it takes " + String.join(", ", properties.keySet()) + ")"));
            }
        }
        if (schema.get("required") instanceof Collection<?> required) {
            for (Object name : required) {
                if (values.get(String.valueOf(name)) == null) {
                    errors.add(new FieldError("parameters." + name, "is required"));
                }
            }
        }
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            Object value = values.get(p.getKey());
            if (value != null) {
                checkValue("parameters." + p.getKey(), map(p.getValue()), value, errors);
            }
        }
        return errors;
    }

    private static void checkValue(String field, Map<String, Object> schema, Object value, List<FieldError> errors) {
        Object type = schema.get("type");
        if (type != null && !matchesType(type, value)) {
            errors.add(new FieldError(field, "must be " + describeType(type)));
            return;
        }
        if (schema.get("enum") instanceof Collection<?> allowed && allowed.stream().noneMatch(a -> sameValue(a, value))) {
            errors.add(new FieldError(field, "must be one of " + join(allowed)));
            return;
        }
        if (value instanceof Number n) {
            BigDecimal v = decimal(n);
            bound(schema.get("minimum"), b -> v.compareTo(b) < 0, "must be at least ", field, errors);
            bound(schema.get("maximum"), b -> v.compareTo(b) > 0, "must be at most ", field, errors);
            bound(schema.get("exclusiveMinimum"), b -> v.compareTo(b) <= 0, "must be more than ", field, errors);
            bound(schema.get("exclusiveMaximum"), b -> v.compareTo(b) >= 0, "must be less than ", field, errors);
        }
        if (value instanceof String s) {
            int length = s.codePointCount(0, s.length());
            if (schema.get("minLength") instanceof Number min && length < min.intValue()) {
                errors.add(new FieldError(field, "must have at least " + min.intValue() + " characters"));
            }
            if (schema.get("maxLength") instanceof Number max && length > max.intValue()) {
                errors.add(new FieldError(field, "must have at most " + max.intValue() + " characters"));
            }
            if (schema.get("pattern") instanceof String regex && !find(regex, s)) {
                errors.add(new FieldError(field, "does not have the expected format"));
            }
        }
        if (value instanceof List<?> list) {
            if (schema.get("minItems") instanceof Number min && list.size() < min.intValue()) {
                errors.add(new FieldError(field, "must list at least " + min.intValue() + " value(s)"));
            }
            if (schema.get("maxItems") instanceof Number max && list.size() > max.intValue()) {
                errors.add(new FieldError(field, "must list at most " + max.intValue() + " value(s)"));
            }
            if (Boolean.TRUE.equals(schema.get("uniqueItems")) && new HashSet<>(list).size() != list.size()) {
                errors.add(new FieldError(field, "lists the same value twice"));
            }
            Map<String, Object> items = map(schema.get("items"));
            if (!items.isEmpty()) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) == null) {
                        errors.add(new FieldError(field + "[" + i + "]", "must not be empty"));
                    } else {
                        checkValue(field + "[" + i + "]", items, list.get(i), errors);
                    }
                }
            }
        }
    }

    private static boolean matchesType(Object type, Object value) {
        if (type instanceof Collection<?> types) {
            return types.stream().anyMatch(t -> matchesType(t, value));
        }
        return switch (String.valueOf(type)) {
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "number" -> value instanceof Number;
            case "integer" -> value instanceof Number n && isWhole(n);
            case "array" -> value instanceof List<?>;
            case "object" -> value instanceof Map<?, ?>;
            case "null" -> false;
            default -> true;
        };
    }

    private static String describeType(Object type) {
        if (type instanceof Collection<?> types) {
            return String.join(" or ", types.stream().map(ParameterCheck::describeType).toList());
        }
        return switch (String.valueOf(type)) {
            case "string" -> "text";
            case "boolean" -> "true or false";
            case "number" -> "a number";
            case "integer" -> "a whole number";
            case "array" -> "a list";
            case "object" -> "a set of named values";
            default -> "of type " + type;
        };
    }

    private static boolean isWhole(Number n) {
        if (n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte || n instanceof BigInteger) {
            return true;
        }
        BigDecimal d = decimal(n);
        return d != null && d.stripTrailingZeros().scale() <= 0;
    }

    private static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = ((Number) n).doubleValue();
            return Double.isFinite(d) ? BigDecimal.valueOf(d) : null;
        }
        if (n instanceof Number num) {
            return BigDecimal.valueOf(num.longValue());
        }
        return null;
    }

    private static void bound(Object limit, java.util.function.Predicate<BigDecimal> broken, String message,
                              String field, List<FieldError> errors) {
        if (limit instanceof Number n) {
            BigDecimal b = decimal(n);
            if (b != null && broken.test(b)) {
                errors.add(new FieldError(field, message + b.stripTrailingZeros().toPlainString()));
            }
        }
    }

    private static boolean sameValue(Object allowed, Object value) {
        if (allowed instanceof Number a && value instanceof Number v) {
            return decimal(a).compareTo(decimal(v)) == 0;
        }
        return Objects.equals(allowed, value);
    }

    private static boolean find(String regex, String s) {
        try {
            return Pattern.compile(regex).matcher(s).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalStateException("the tool's schema has a bad pattern: " + regex, e);
        }
    }

    private static String join(Collection<?> values) {
        return String.join(", ", values.stream().map(String::valueOf).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
