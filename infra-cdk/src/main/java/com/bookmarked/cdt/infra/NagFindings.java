package com.bookmarked.cdt.infra;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import software.amazon.awscdk.Stack;

import java.util.List;

/** The cdk-nag AwsSolutions findings that are accepted, each with its reason. */
final class NagFindings {

    private NagFindings() {
    }

    static void suppress(Stack stack) {
        NagSuppressions.addStackSuppressions(stack, List.of(
                reason("AwsSolutions-IAM4", "AWSLambdaBasicExecutionRole and AWSLambdaVPCAccessExecutionRole are the "
                        + "AWS-maintained least-privilege policies for writing logs and attaching to the VPC.")
        ));
    }

    private static NagPackSuppression reason(String id, String reason) {
        return NagPackSuppression.builder().id(id).reason(reason).build();
    }
}
