package com.bookmarked.cdt.core.secrets;

import com.bookmarked.cdt.core.http.InvalidInputException;
import com.bookmarked.cdt.core.http.UserFacingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsTest {

    final LocalSecrets secrets = new LocalSecrets(Map.of("SIS_TOKEN", "s3cr3t-value")::get);

    @Test
    void referencesParseAndPrintAsThemselves() {
        assertThat(SecretRef.parse("env:SIS_TOKEN")).isEqualTo(new SecretRef(SecretRef.Scheme.ENV, "SIS_TOKEN"));
        assertThat(SecretRef.parse("file:/run/secrets/sis.key").toString()).isEqualTo("file:/run/secrets/sis.key");
        assertThat(SecretRef.parse("aws-sm:cdt/prod/classlink:token").scheme()).isEqualTo(SecretRef.Scheme.AWS_SM);
    }

    @Test
    void anythingElseIsRefusedWithoutEchoingIt() {
        for (String bad : new String[]{"hunter2", "env:", "ENV:X", "env:has space", "vault:x", "file:/x;rm -rf", ""}) {
            assertThat(SecretRef.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> SecretRef.parse(bad)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.getMessage()).doesNotContain("hunter2"));
        }
    }

    @Test
    void envSecretsAreRevealedAndMissingOnesExplained() {
        assertThat(secrets.reveal(SecretRef.parse("env:SIS_TOKEN"))).isEqualTo("s3cr3t-value");
        assertThatThrownBy(() -> secrets.reveal(SecretRef.parse("env:NOT_SET")))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("env:NOT_SET");
    }

    @Test
    void fileSecretsDropTheTrailingLineBreak(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sis.key");
        Files.writeString(file, "line-one-secret\n");
        assertThat(secrets.reveal(SecretRef.parse("file:" + file))).isEqualTo("line-one-secret");
        assertThatThrownBy(() -> secrets.reveal(SecretRef.parse("file:" + dir.resolve("missing"))))
                .isInstanceOf(UserFacingException.class).hasMessageContaining("cannot be read");
    }

    @Test
    void awsSecretsAreLeftToTheAwsAdapter() {
        // SecretsByScheme never sends them here (AwsSecretsTest covers the routing)
        assertThatThrownBy(() -> secrets.reveal(SecretRef.parse("aws-sm:cdt/x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("AwsSecrets");
    }
}
