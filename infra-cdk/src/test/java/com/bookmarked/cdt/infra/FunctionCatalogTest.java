package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FunctionCatalogTest {

    static final Path REPO = Path.of(System.getProperty("cdt.repo.root", ".."));

    @Test
    void theCatalogueIsEveryFunctionModuleButTheLocalGateway() throws IOException {
        try (Stream<Path> dirs = Files.list(REPO.resolve("functions"))) {
            var modules = dirs.filter(d -> Files.exists(d.resolve("pom.xml"))).map(d -> d.getFileName().toString())
                    .filter(m -> m.equals("admin-api") || m.startsWith("tool-") || m.startsWith("connector-")).toList();
            assertThat(CdtFunction.ALL.stream().map(CdtFunction::module)).containsExactlyInAnyOrderElementsOf(modules);
        }
        assertThat(CdtFunction.ALL).noneMatch(f -> f.module().equals("local-gateway"));
    }

    @Test
    void everyFunctionModuleBuildsALambdaJar() throws IOException {
        for (CdtFunction f : CdtFunction.ALL) {
            assertThat(Files.readString(REPO.resolve("functions").resolve(f.module()).resolve("pom.xml")))
                    .as(f.module()).contains("<artifactId>maven-shade-plugin</artifactId>");
        }
    }

    @Test
    void builtJarsAreFoundInTheModulesTargetFolder(@TempDir Path repo) throws IOException {
        Path target = Files.createDirectories(repo.resolve("functions/tool-missing-data/target"));
        Files.writeString(target.resolve("tool-missing-data-0.1.0-SNAPSHOT.jar"), "plain");
        Path lambda = Files.writeString(target.resolve("tool-missing-data-0.1.0-SNAPSHOT-lambda.jar"), "shaded");
        assertThat(FunctionJars.builtBy(repo).jarOf("tool-missing-data")).isEqualTo(lambda);
    }

    @Test
    void aMissingJarStopsTheSynthWithTheBuildCommand(@TempDir Path repo) {
        assertThatThrownBy(() -> FunctionJars.builtBy(repo).jarOf("admin-api"))
                .hasMessageContaining("No Lambda jar").hasMessageContaining("./mvnw -q package -DskipTests");
    }

    @Test
    void constructIdsAreCamelCase() {
        assertThat(CdtFunction.admin().constructId()).isEqualTo("AdminApi");
    }
}
