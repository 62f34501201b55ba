package com.bookmarked.cdt.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.lambda.Function;
import software.constructs.IConstruct;

import java.util.List;
import java.util.Map;

/** The cdk-nag AwsSolutions findings that are accepted rather than fixed, each with its reason. */
final class NagFindings {

    private NagFindings() {
    }

    static void suppress(Stack stack, Map<String, Function> lambdas, List<Function> sisConnectors, String sisSecretPrefix,
                         IConstruct healthRoute, IConstruct distribution, IConstruct userPool) {
        NagPackSuppression managedPolicies = NagPackSuppression.builder()
                .id("AwsSolutions-IAM4")
                .reason("AWSLambdaBasicExecutionRole (write its own logs) and AWSLambdaVPCAccessExecutionRole (network "
                        + "interfaces in the databases' VPC) are AWS's narrow policies for exactly that.")
                .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                        "Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"))
                .build();
        for (Function fn : lambdas.values()) {
            NagSuppressions.addResourceSuppressions(fn, List.of(reason("AwsSolutions-L1",
                    "The functions are built for Java 21 (the project's release, maven.compiler.release=21); java21 is "
                            + "the matching managed runtime. Moving to java25 is a build change, not a stack change."),
                    managedPolicies), true);
        }
        for (Function fn : sisConnectors) {
            NagSuppressions.addResourceSuppressions(fn, List.of(NagPackSuppression.builder()
                    .id("AwsSolutions-IAM5")
                    .reason("A SIS connector reads the secrets of every customer of its kind, and customers are added at run "
                            + "time (settings page), so the grant is the customers' secret name prefix and nothing wider.")
                    .appliesTo(List.of("Resource::arn:<AWS::Partition>:secretsmanager:<AWS::Region>:<AWS::AccountId>:secret:"
                            + sisSecretPrefix + "*"))
                    .build()), true);
        }
        NagSuppressions.addResourceSuppressions(healthRoute, List.of(reason("AwsSolutions-APIG4",
                "GET /api/health is public by design (DESIGN.md): status, version and database reachability, no data.")));
        NagSuppressions.addResourceSuppressions(distribution, List.of(reason("AwsSolutions-CFR4",
                "The distribution uses CloudFront's default *.cloudfront.net certificate, for which the viewer TLS policy "
                        + "cannot be chosen; with a custom domain and ACM certificate set TLSv1.2_2021."),
                reason("AwsSolutions-CFR1", "Support agents and on-call engineers may work from any country; every "
                        + "API route but health needs a Cognito token with MFA, and the files are the public app shell."),
                reason("AwsSolutions-CFR2", "A CloudFront web ACL must live in us-east-1 (another stack); the API behind "
                        + "/api/* is throttled at its stage and needs a token. Attach an ACL when one exists.")));
        NagSuppressions.addResourceSuppressions(userPool, List.of(reason("AwsSolutions-COG3",
                "Threat protection (advanced security) is a paid Cognito Plus feature; the pool has no self sign-up and "
                        + "requires MFA for every support user. Revisit if sign-in abuse is seen.")));
        // CDK's own web-app upload function (BucketDeployment): its runtime and its S3 grants are CDK's
        for (IConstruct c : stack.getNode().findAll()) {
            if (c.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
                NagSuppressions.addResourceSuppressions(c, List.of(
                        reason("AwsSolutions-L1", "CDK's BucketDeployment handler; its runtime is chosen by aws-cdk-lib."),
                        managedPolicies,
                        reason("AwsSolutions-IAM5", "CDK's BucketDeployment copies the asset files into the web bucket: "
                                + "it needs object wildcards on the CDK asset bucket and on the web bucket.")), true);
            }
        }
    }

    private static NagPackSuppression reason(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }
}
