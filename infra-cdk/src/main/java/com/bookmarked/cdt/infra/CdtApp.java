package com.bookmarked.cdt.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;
import java.util.Map;

/**
 * The CDK app: {@code ./mvnw -q -pl infra-cdk exec:exec@synth} (or the CDK CLI's {@code --app})
 * writes the CloudFormation template to {@code infra-cdk/cdk.out/Cdt.template.json}. Settings
 * come from context (docs/aws-stack.md); the function jars must be built first.
 */
public final class CdtApp {

    private CdtApp() {
    }

    public static void main(String[] args) {
        Path repoRoot = Path.of(System.getProperty("cdt.repo.root", "..")).toAbsolutePath().normalize();
        AppProps.Builder props = AppProps.builder()
                // asset paths in the template's metadata: how `sam local` finds each function's jar
                .context(Map.of("aws:cdk:enable-asset-metadata", true));
        if (System.getenv("CDK_OUTDIR") == null) {
            // the CDK CLI chooses its own folder; run directly, write where samconfig.toml looks
            props.outdir(repoRoot.resolve("infra-cdk").resolve("cdk.out").toString());
        }
        App app = new App(props.build());
        StackSettings settings = StackSettings.fromContext(app.getNode(), repoRoot);
        CdtStack stack = new CdtStack(app, "Cdt", StackProps.builder()
                .description("Customer Data Tools (CDT)")
                .build(), settings, FunctionJars.builtBy(repoRoot));
        Aspects.of(stack).add(new AwsSolutionsChecks());
        app.synth();
    }
}
