package com.bookmarked.cdt.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The stack synthesized once per test run (synthesis costs seconds), with the AwsSolutions
 * checks applied, example settings and a stand-in jar for every function (the real jars are
 * not built by {@code -pl infra-cdk -am}).
 */
final class SynthesizedStack {

    static final StackSettings SETTINGS = new StackSettings(
            "vpc-0a1b2c3d4e5f60718",
            List.of("eu-west-1a", "eu-west-1b"),
            List.of("subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"),
            Optional.of("sg-0ccccccccccccccc3"),
            new StackSettings.Database("cdt.cluster-example.eu-west-1.rds.amazonaws.com", 5432, "cdt", "cdt_app", "cdt/prod/cdt-db"),
            List.of(new StackSettings.OurDatabase("production", "jdbc:postgresql://prod-replica.example.internal:5432/bookmarked",
                    "cdt_reader", "cdt/prod/bookmarked-db")),
            "cdt/sis/",
            "cdt-support-example",
            Optional.of("cdt-oncall@example.com"),
            Optional.empty(),
            List.of("http://localhost:8080/"),
            Optional.of("arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-1111-2222-3333-444455556666"));

    private static SynthesizedStack instance;

    final CdtStack stack;
    final Template template;
    final Annotations annotations;
    final Map<String, Object> json;
    final Path placeholderJar;

    private SynthesizedStack() {
        placeholderJar = placeholderJar();
        App app = new App();
        stack = new CdtStack(app, "Cdt", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build())
                .build(), SETTINGS, module -> placeholderJar);
        Aspects.of(stack).add(new AwsSolutionsChecks());
        template = Template.fromStack(stack);
        annotations = Annotations.fromStack(stack);
        json = template.toJSON();
    }

    static synchronized SynthesizedStack get() {
        if (instance == null) {
            instance = new SynthesizedStack();
        }
        return instance;
    }

    /** Resources of one type: logical id → resource. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> resources(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        ((Map<String, Object>) json.get("Resources")).forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if (type.equals(resource.get("Type"))) {
                found.put(id, resource);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> props(Map<String, Object> resource) {
        return (Map<String, Object>) resource.get("Properties");
    }

    /** CDT's own functions (tagged with their module), not the helpers CDK adds: logical id → resource. */
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> cdtFunctions() {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources("AWS::Lambda::Function").forEach((id, r) -> {
            if (tag(r, "cdt:module") != null) {
                found.put(id, r);
            }
        });
        return found;
    }

    @SuppressWarnings("unchecked")
    static String tag(Map<String, Object> resource, String key) {
        Object tags = props(resource).get("Tags");
        if (!(tags instanceof List<?> list)) {
            return null;
        }
        for (Object t : list) {
            Map<String, Object> tag = (Map<String, Object>) t;
            if (key.equals(tag.get("Key"))) {
                return String.valueOf(tag.get("Value"));
            }
        }
        return null;
    }

    /** The logical id a {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, …]}} points at. */
    @SuppressWarnings("unchecked")
    static String refOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.get("Ref") instanceof String ref) {
                return ref;
            }
            if (map.get("Fn::GetAtt") instanceof List<?> att) {
                return String.valueOf(att.getFirst());
            }
        }
        return null;
    }

    /** Every logical id referenced anywhere inside a value. */
    @SuppressWarnings("unchecked")
    static List<String> refsIn(Object value) {
        List<String> refs = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            String ref = refOf(value);
            if (ref != null) {
                refs.add(ref);
            }
            map.values().forEach(v -> refs.addAll(refsIn(v)));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> refs.addAll(refsIn(v)));
        }
        return refs;
    }

    private static Path placeholderJar() {
        try {
            Path dir = Files.createDirectories(Path.of("target", "test-jars"));
            Path jar = dir.resolve("placeholder-lambda.jar");
            try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("README.txt"));
                zip.write("Stand-in for a function's Lambda jar in infra-cdk's tests.".getBytes());
                zip.closeEntry();
            }
            return jar.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
