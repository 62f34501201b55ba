package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.bookmarked.cdt.infra.SynthesizedStack.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * samconfig.toml cannot be tried here (no SAM CLI), so what can be checked is: it points at the
 * file the app writes, its files exist, and env.json only sets variables the template declares
 * (SAM passes no others into a function).
 */
class SamConfigTest {

    static final Path REPO = Path.of(System.getProperty("cdt.repo.root", ".."));

    @Test
    void everySectionUsesTheTemplateTheAppWritesAndFilesThatExist() throws IOException {
        String toml = Files.readString(REPO.resolve("samconfig.toml"));
        assertThat(toml).startsWith("#").contains("version = 0.1").contains("[default.local_invoke.parameters]")
                .contains("[default.local_start_api.parameters]");
        Matcher templates = Pattern.compile("template_file = \"([^\"]+)\"").matcher(toml);
        int count = 0;
        while (templates.find()) {
            count++;
            // CdtApp writes <repo>/infra-cdk/cdk.out/<stack id>.template.json when run directly
            assertThat(templates.group(1)).isEqualTo("infra-cdk/cdk.out/Cdt.template.json");
        }
        assertThat(count).isEqualTo(3);
        Matcher envFiles = Pattern.compile("env_vars = \"([^\"]+)\"").matcher(toml);
        while (envFiles.find()) {
            assertThat(REPO.resolve(envFiles.group(1))).exists();
        }
        assertThat(REPO.resolve("infra-cdk/sam/health-event.json")).exists();
    }

    @Test
    @SuppressWarnings("unchecked")
    void envJsonSetsOnlyVariablesTheFunctionsDeclare() throws IOException {
        String env = Files.readString(REPO.resolve("infra-cdk/sam/env.json"));
        Matcher names = Pattern.compile("\"([A-Z_]+)\":").matcher(env);
        java.util.Set<String> declared = new java.util.HashSet<>();
        SynthesizedStack.get().cdtFunctions().values().forEach(f -> declared.addAll(
                ((Map<String, Object>) ((Map<String, Object>) props(f).get("Environment")).get("Variables")).keySet()));
        declared.add("AWS_REGION"); // Lambda's own
        int count = 0;
        while (names.find()) {
            count++;
            assertThat(declared).as(names.group(1)).contains(names.group(1));
        }
        assertThat(count).isGreaterThan(5);
    }
}
