package com.bookmarked.cdt.infra;

import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Aspects;
import software.amazon.awscdk.StackProps;

import java.nio.file.Path;

/**
 * The CDK app: {@code java -cp … com.bookmarked.cdt.infra.CdtApp} (or the CDK CLI's {@code --app})
 * writes the CloudFormation template to {@code cdk.out/}. Settings come from context
 * (docs/aws-stack.md); the function jars must be built first.
 */
public final class CdtApp {

    private CdtApp() {
    }

    public static void main(String[] args) {
        App app = new App();
        Path repoRoot = Path.of(System.getProperty("cdt.repo.root",
                String.valueOf(app.getNode().tryGetContext("cdt:repoRoot") == null ? ".." : app.getNode().tryGetContext("cdt:repoRoot"))))
                .toAbsolutePath().normalize();
        StackSettings settings = StackSettings.fromContext(app.getNode(), repoRoot);
        CdtStack stack = new CdtStack(app, "Cdt", StackProps.builder()
                .description("Customer Data Tools (CDT)")
                .build(), settings, FunctionJars.builtBy(repoRoot));
        Aspects.of(stack).add(new AwsSolutionsChecks());
        app.synth();
    }
}
