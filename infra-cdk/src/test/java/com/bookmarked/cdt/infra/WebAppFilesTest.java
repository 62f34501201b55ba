package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static com.bookmarked.cdt.infra.SynthesizedStack.props;
import static org.assertj.core.api.Assertions.assertThat;

/** With a built web app: hashed files cached for a year, index.html and config.json revalidated and uploaded last. */
@SuppressWarnings("unchecked")
class WebAppFilesTest {

    @Test
    void theBuiltAppIsUploadedInTwoPartsWithTheirOwnCaching(@TempDir Path dist) throws IOException {
        Files.writeString(dist.resolve("index.html"), "<!doctype html><script src=\"/assets/index-3f2a.js\"></script>");
        Files.createDirectories(dist.resolve("assets"));
        Files.writeString(dist.resolve("assets/index-3f2a.js"), "console.log('cdt')");
        Files.writeString(dist.resolve("config.json"), "{\"auth\":{\"mode\":\"dev\"}}");
        StackSettings s = SynthesizedStack.SETTINGS;
        StackSettings withDist = new StackSettings(s.vpcId(), s.availabilityZones(), s.privateSubnetIds(), s.databaseSecurityGroupId(),
                s.cdtDatabase(), s.ourDatabases(), s.sisSecretPrefix(), s.cognitoDomainPrefix(), s.alarmEmail(),
                Optional.of(dist), s.extraCallbackUrls(), s.secretsKeyArn());
        App app = new App();
        CdtStack stack = new CdtStack(app, "Cdt", StackProps.builder()
                .env(Environment.builder().account("123456789012").region("eu-west-1").build()).build(),
                withDist, module -> SynthesizedStack.get().placeholderJar);
        Map<String, Object> resources = (Map<String, Object>) Template.fromStack(stack).toJSON().get("Resources");
        Path outdir = Path.of(app.getOutdir());

        Map<String, Object> assets = null;
        Map<String, Object> shell = null;
        String assetsId = null;
        for (var e : resources.entrySet()) {
            Map<String, Object> r = (Map<String, Object>) e.getValue();
            if ("Custom::CDKBucketDeployment".equals(r.get("Type"))) {
                if (e.getKey().startsWith("WebDeployAssets")) {
                    assets = r;
                    assetsId = e.getKey();
                } else {
                    shell = r;
                }
            }
        }
        assertThat(assets).isNotNull();
        assertThat(shell).isNotNull();
        assertThat(props(assets).get("SystemMetadata")).isEqualTo(Map.of("cache-control", "public, max-age=31536000, immutable"));
        assertThat(props(assets).get("Prune")).isEqualTo(false);
        assertThat(props(shell).get("SystemMetadata")).isEqualTo(Map.of("cache-control", "no-cache"));
        assertThat((List<String>) shell.get("DependsOn")).contains(assetsId);

        assertThat(filesOf(outdir, props(assets), 0)).containsExactly("assets/index-3f2a.js");
        assertThat(filesOf(outdir, props(shell), 0)).containsExactly("index.html");
        assertThat(filesOf(outdir, props(shell), 1)).containsExactly("config.json");
        assertThat(Files.readString(outdir.resolve("asset." + key(props(shell), 1)).resolve("config.json"))).contains("\"oidc\"");
    }

    private static String key(Map<String, Object> deployment, int source) {
        return ((String) ((List<?>) deployment.get("SourceObjectKeys")).get(source)).replaceFirst("\\.zip$", "");
    }

    private static List<String> filesOf(Path outdir, Map<String, Object> deployment, int source) throws IOException {
        Path staged = outdir.resolve("asset." + key(deployment, source));
        try (Stream<Path> files = Files.walk(staged)) {
            return files.filter(Files::isRegularFile).map(f -> staged.relativize(f).toString()).sorted().toList();
        }
    }
}
