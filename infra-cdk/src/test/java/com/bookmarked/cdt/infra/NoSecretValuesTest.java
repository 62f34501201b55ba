package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static com.bookmarked.cdt.infra.SynthesizedStack.props;
import static org.assertj.core.api.Assertions.assertThat;

/** The template names secrets and never holds their values, nor makes CloudFormation fetch them. */
@SuppressWarnings("unchecked")
class NoSecretValuesTest {

    static final Pattern SECRET_LIKE = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|CREDENTIAL|PRIVATE|API_?KEY).*");

    final SynthesizedStack synth = SynthesizedStack.get();

    @Test
    void secretLikeEnvironmentVariablesHoldReferencesOnly() {
        List<String> checked = new ArrayList<>();
        synth.resources("AWS::Lambda::Function").forEach((id, r) -> {
            Object env = props(r).get("Environment");
            if (env == null) {
                return;
            }
            ((Map<String, Object>) ((Map<String, Object>) env).get("Variables")).forEach((name, value) -> {
                if (SECRET_LIKE.matcher(name).matches()) {
                    checked.add(id + " " + name);
                    assertThat(name).as(id).endsWith("_REF");
                    assertThat(value).as(id + " " + name).isInstanceOf(String.class);
                    assertThat((String) value).as(id + " " + name).matches("aws-sm:[A-Za-z0-9/_+=.@-]+(:[A-Za-z0-9_]+)?");
                }
            });
        });
        // CDT's database password on every function, our production database's on the Bookmarked connector
        assertThat(checked).hasSize(synth.cdtFunctions().size() + 1);
    }

    @Test
    void noDynamicSecretReferencesAndNoSecretResources() {
        String template = synth.json.toString();
        // {{resolve:secretsmanager:…}} would copy a value into the function's configuration at deploy time
        assertThat(template).doesNotContain("{{resolve:secretsmanager").doesNotContain("{{resolve:ssm-secure");
        assertThat(synth.resources("AWS::SecretsManager::Secret")).isEmpty();
        assertThat(synth.resources("AWS::Cognito::UserPoolClient").values().iterator().next().toString())
                .contains("GenerateSecret=false");
    }

    @Test
    void connectorsReadOnlyTheirOwnSecretsAndToolsNone() {
        var policies = synth.resources("AWS::IAM::Policy");
        var functions = synth.cdtFunctions();
        functions.forEach((id, fn) -> {
            String role = SynthesizedStack.refOf(props(fn).get("Role"));
            String statements = policies.values().stream()
                    .filter(p -> SynthesizedStack.refsIn(props(p).get("Roles")).contains(role))
                    .map(p -> props(p).get("PolicyDocument").toString()).reduce("", String::concat);
            String module = SynthesizedStack.tag(fn, "cdt:module");
            assertThat(statements).as(id).contains("cdt/prod/cdt-db");
            assertThat(statements.contains("cdt/sis/*")).as(id + " SIS secrets")
                    .isEqualTo(module.equals("connector-oneroster") || module.equals("connector-classlink") || module.equals("connector-ftp"));
            assertThat(statements.contains("cdt/prod/bookmarked-db")).as(id + " our database's secret")
                    .isEqualTo(module.equals("connector-bookmarked"));
            assertThat(statements.contains("kms:Decrypt")).as(id + " the secrets' key")
                    .isEqualTo(module.startsWith("connector-") && SynthesizedStack.tag(fn, "cdt:role").equals("http"));
            if (statements.contains("kms:Decrypt")) {
                assertThat(statements).contains("kms:ViaService");
            }
        });
    }
}
