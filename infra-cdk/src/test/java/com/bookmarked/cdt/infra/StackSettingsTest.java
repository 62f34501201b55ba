package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTest {

    static Map<String, Object> context() {
        Map<String, Object> c = new HashMap<>();
        c.put("cdt:vpcId", "vpc-1");
        c.put("cdt:availabilityZones", "eu-west-1a, eu-west-1b");
        c.put("cdt:privateSubnetIds", "subnet-1,subnet-2");
        c.put("cdt:dbHost", "db.internal");
        c.put("cdt:dbName", "cdt");
        c.put("cdt:dbUser", "cdt_app");
        c.put("cdt:dbSecretName", "cdt/prod/cdt-db");
        c.put("cdt:cognitoDomainPrefix", "cdt-support");
        c.put("cdt:ourDatabases", "production=jdbc:postgresql://p:5432/b|cdt_reader|cdt/prod/ours;staging=jdbc:postgresql://s/b|r|cdt/staging/ours");
        return c;
    }

    @Test
    void readsContext(@TempDir Path repo) {
        App app = new App(AppProps.builder().context(context()).build());
        StackSettings s = StackSettings.fromContext(app.getNode(), repo);
        assertThat(s.privateSubnetIds()).containsExactly("subnet-1", "subnet-2");
        assertThat(s.availabilityZones()).containsExactly("eu-west-1a", "eu-west-1b");
        assertThat(s.cdtDatabase().jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/cdt");
        assertThat(s.ourDatabases()).extracting(StackSettings.OurDatabase::name).containsExactly("production", "staging");
        assertThat(s.ourDatabases().get(1).secretName()).isEqualTo("cdt/staging/ours");
        assertThat(s.sisSecretPrefix()).isEqualTo("cdt/sis/");
        assertThat(s.webDist()).as("no built web app in an empty folder").isEmpty();
        assertThat(s.alarmEmail()).isEmpty();
        assertThat(s.extraCallbackUrls()).isEqualTo(List.of());
    }

    @Test
    void missingContextIsNamed(@TempDir Path repo) {
        Map<String, Object> c = context();
        c.remove("cdt:vpcId");
        c.remove("cdt:dbSecretName");
        App app = new App(AppProps.builder().context(c).build());
        assertThatThrownBy(() -> StackSettings.fromContext(app.getNode(), repo))
                .hasMessageContaining("cdt:vpcId, cdt:dbSecretName").hasMessageContaining("docs/aws-stack.md");
    }

    @Test
    void aMalformedDatabaseEntryIsRefusedWithoutEchoingIt(@TempDir Path repo) {
        Map<String, Object> c = context();
        c.put("cdt:ourDatabases", "production=jdbc:postgresql://p/b|user-only");
        App app = new App(AppProps.builder().context(c).build());
        assertThatThrownBy(() -> StackSettings.fromContext(app.getNode(), repo))
                .hasMessageContaining("'production' must read name=jdbcUrl|user|secretName")
                .hasMessageNotContaining("user-only");
    }

    @Test
    void zonesAndSubnetsMustPair(@TempDir Path repo) {
        Map<String, Object> c = context();
        c.put("cdt:availabilityZones", "eu-west-1a");
        App app = new App(AppProps.builder().context(c).build());
        assertThatThrownBy(() -> StackSettings.fromContext(app.getNode(), repo)).hasMessageContaining("as many entries");
    }
}
