package com.bookmarked.cdt.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the Lambda jar of a function module is. */
@FunctionalInterface
public interface FunctionJars {

    Path jarOf(String module);

    /**
     * The jars Maven built: {@code functions/<module>/target/<module>-<version>-lambda.jar} under the
     * repository root. A missing jar stops the synth with the command that builds it, so that a
     * stack is never deployed with a stale or absent function.
     */
    static FunctionJars builtBy(Path repoRoot) {
        return module -> {
            Path target = repoRoot.resolve("functions").resolve(module).resolve("target");
            List<Path> jars;
            try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
                jars = files.filter(p -> {
                    String name = p.getFileName().toString();
                    return name.startsWith(module + "-") && name.endsWith("-lambda.jar");
                }).sorted().toList();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot list " + target + ": " + e.getMessage(), e);
            }
            if (jars.size() != 1) {
                throw new IllegalStateException((jars.isEmpty() ? "No Lambda jar" : "More than one Lambda jar " + jars)
                        + " in " + target + ". Build the function jars first: ./mvnw -q package -DskipTests"
                        + " (and ./mvnw clean if an old version is left over).");
            }
            return jars.getFirst();
        };
    }
}
