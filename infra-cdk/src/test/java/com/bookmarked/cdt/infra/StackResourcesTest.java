package com.bookmarked.cdt.infra;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.bookmarked.cdt.infra.SynthesizedStack.props;
import static com.bookmarked.cdt.infra.SynthesizedStack.refOf;
import static com.bookmarked.cdt.infra.SynthesizedStack.refsIn;
import static com.bookmarked.cdt.infra.SynthesizedStack.tag;
import static org.assertj.core.api.Assertions.assertThat;

/** The resources of the synthesized template and the properties the brief and docs/aws-run-path.md ask for. */
@SuppressWarnings("unchecked")
class StackResourcesTest {

    final SynthesizedStack synth = SynthesizedStack.get();

    @Test
    void oneHttpLambdaPerFunctionModulePlusAWorkerPerToolAndTheSweeper() {
        List<String> found = synth.cdtFunctions().values().stream().map(r -> tag(r, "cdt:module") + "/" + tag(r, "cdt:role")).sorted().toList();
        List<String> expected = new ArrayList<>();
        for (CdtFunction f : CdtFunction.ALL) {
            expected.add(f.module() + "/http");
            if (f.kind() == CdtFunction.Kind.TOOL) {
                expected.add(f.module() + "/worker");
            }
            if (f.kind() == CdtFunction.Kind.ADMIN) {
                expected.add(f.module() + "/sweep");
            }
        }
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected).hasSize(9 + 4 + 1);
        assertThat(found).noneMatch(f -> f.startsWith("local-gateway"));
    }

    @Test
    void handlersRuntimeSizesVpcAndLogRetention() {
        var logGroups = synth.resources("AWS::Logs::LogGroup");
        synth.cdtFunctions().forEach((id, r) -> {
            Map<String, Object> p = props(r);
            String role = tag(r, "cdt:role");
            assertThat(p.get("Runtime")).as(id).isEqualTo("java21");
            assertThat(p.get("Handler")).as(id).isEqualTo(switch (role) {
                case "http" -> CdtFunction.HTTP_HANDLER;
                case "worker" -> CdtFunction.WORKER_HANDLER;
                default -> CdtFunction.SWEEP_HANDLER;
            });
            Map<String, Object> vpc = (Map<String, Object>) p.get("VpcConfig");
            assertThat(vpc.get("SubnetIds")).as(id).isEqualTo(SynthesizedStack.SETTINGS.privateSubnetIds());
            String logGroup = refOf(((Map<String, Object>) p.get("LoggingConfig")).get("LogGroup"));
            assertThat(props(logGroups.get(logGroup)).get("RetentionInDays")).as(id).isNotNull();
            if (role.equals("http") && !tag(r, "cdt:module").startsWith("connector-")) {
                assertThat((Integer) p.get("Timeout")).as("API Gateway waits 30 s: " + id).isLessThan(30);
            }
            if (role.equals("worker")) {
                assertThat((Integer) p.get("MemorySize")).as("tools get more memory").isGreaterThanOrEqualTo(4096);
                assertThat(p.get("Timeout")).isEqualTo(900);
            }
        });
    }

    @Test
    void snapStartOnEveryFunctionThatLambdaCanSnapshotWithAPublishedVersionAndLiveAlias() {
        var versions = synth.resources("AWS::Lambda::Version");
        var aliases = synth.resources("AWS::Lambda::Alias");
        synth.cdtFunctions().forEach((id, r) -> {
            Map<String, Object> p = props(r);
            int tmp = (Integer) ((Map<String, Object>) p.get("EphemeralStorage")).get("Size");
            boolean ftp = tag(r, "cdt:module").equals("connector-ftp");
            if (ftp) {
                // the FTP connector downloads exports of up to 2 GB; Lambda snapshots only functions with ≤ 512 MB of /tmp
                assertThat(tmp).isGreaterThanOrEqualTo(2048 + 1024);
                assertThat(p).doesNotContainKey("SnapStart");
            } else {
                assertThat(tmp).as(id).isLessThanOrEqualTo(512);
                assertThat(p.get("SnapStart")).as(id).isEqualTo(Map.of("ApplyOn", "PublishedVersions"));
            }
            var version = versions.entrySet().stream().filter(v -> id.equals(refOf(props(v.getValue()).get("FunctionName")))).toList();
            assertThat(version).as(id).hasSize(1);
            var alias = aliases.values().stream().filter(a -> id.equals(refOf(props(a).get("FunctionName")))).toList();
            assertThat(alias).as(id).hasSize(1);
            assertThat(props(alias.getFirst()).get("Name")).isEqualTo("live");
            assertThat(refsIn(props(alias.getFirst()).get("FunctionVersion"))).contains(version.getFirst().getKey());
        });
    }

    @Test
    void eachToolHasARunQueueWithDeadLetterQueueFeedingItsWorkerOneMessageAtATime() {
        var queues = synth.resources("AWS::SQS::Queue");
        var mappings = synth.resources("AWS::Lambda::EventSourceMapping");
        var aliases = synth.resources("AWS::Lambda::Alias");
        var functions = synth.cdtFunctions();
        assertThat(mappings).hasSize(4);
        for (var mapping : mappings.values()) {
            Map<String, Object> p = props(mapping);
            assertThat(p.get("BatchSize")).isEqualTo(1);
            assertThat(p.get("FunctionResponseTypes")).isEqualTo(List.of("ReportBatchItemFailures"));
            String alias = refsIn(p.get("FunctionName")).getFirst();
            Map<String, Object> worker = functions.get(refOf(props(aliases.get(alias)).get("FunctionName")));
            assertThat(tag(worker, "cdt:role")).isEqualTo("worker");
            Map<String, Object> queue = props(queues.get(refOf(p.get("EventSourceArn"))));
            int workerTimeout = (Integer) props(worker).get("Timeout");
            assertThat((Integer) queue.get("VisibilityTimeout")).isGreaterThanOrEqualTo(workerTimeout);
            Map<String, Object> redrive = (Map<String, Object>) queue.get("RedrivePolicy");
            assertThat((Integer) redrive.get("maxReceiveCount")).isGreaterThanOrEqualTo(5);
            assertThat(queues).containsKey(refOf(redrive.get("deadLetterTargetArn")));
            // both handlers of the tool function know the queue
            String queueId = refOf(p.get("EventSourceArn"));
            functions.values().stream().filter(f -> tag(f, "cdt:module").equals(tag(worker, "cdt:module"))).forEach(f ->
                    assertThat(refOf(((Map<String, Object>) ((Map<String, Object>) props(f).get("Environment")).get("Variables"))
                            .get("CDT_RUNS_QUEUE_URL"))).isEqualTo(queueId));
        }
        assertThat(queues).hasSize(8);
        String policies = synth.resources("AWS::IAM::Policy").toString();
        assertThat(policies).contains("sqs:SendMessage");
    }

    @Test
    void theStuckRunSweepRunsEveryFiveMinutesOnTheAdminFunction() {
        var rules = synth.resources("AWS::Events::Rule");
        assertThat(rules).hasSize(1);
        Map<String, Object> rule = props(rules.values().iterator().next());
        assertThat(rule.get("ScheduleExpression")).isEqualTo("rate(5 minutes)");
        String alias = refOf(((Map<String, Object>) ((List<?>) rule.get("Targets")).getFirst()).get("Arn"));
        Map<String, Object> fn = synth.cdtFunctions().get(refOf(props(synth.resources("AWS::Lambda::Alias").get(alias)).get("FunctionName")));
        assertThat(props(fn).get("Handler")).isEqualTo(CdtFunction.SWEEP_HANDLER);
        assertThat(tag(fn, "cdt:module")).isEqualTo("admin-api");
    }

    @Test
    void theJwtAuthorizerTrustsTheUserPoolAndTheWebClientAndTheGroupsExist() {
        var authorizers = synth.resources("AWS::ApiGatewayV2::Authorizer");
        assertThat(authorizers).hasSize(1);
        Map<String, Object> p = props(authorizers.values().iterator().next());
        assertThat(p.get("AuthorizerType")).isEqualTo("JWT");
        Map<String, Object> jwt = (Map<String, Object>) p.get("JwtConfiguration");
        String client = refOf(((List<?>) jwt.get("Audience")).getFirst());
        Map<String, Object> clientProps = props(synth.resources("AWS::Cognito::UserPoolClient").get(client));
        assertThat(clientProps.get("GenerateSecret")).isEqualTo(false);
        assertThat(clientProps.get("AllowedOAuthFlows")).isEqualTo(List.of("code"));
        assertThat((List<String>) clientProps.get("AllowedOAuthScopes")).containsExactlyInAnyOrder("openid", "profile");
        assertThat(synth.resources("AWS::Cognito::UserPoolGroup").values().stream().map(g -> props(g).get("GroupName")))
                .containsExactlyInAnyOrder("agent", "engineer", "admin");
        assertThat(synth.resources("AWS::Cognito::UserPoolDomain").values().iterator().next().toString()).contains("cdt-support-example");
        Map<String, Object> pool = props(synth.resources("AWS::Cognito::UserPool").values().iterator().next());
        assertThat(((Map<String, Object>) pool.get("AdminCreateUserConfig")).get("AllowAdminCreateUserOnly")).isEqualTo(true);
    }

    @Test
    void theWebBucketIsPrivateAndTlsOnlyAndReadThroughOriginAccessControl() {
        var buckets = synth.resources("AWS::S3::Bucket");
        assertThat(buckets).hasSize(2);
        for (var bucket : buckets.values()) {
            assertThat(props(bucket).get("PublicAccessBlockConfiguration")).isEqualTo(Map.of("BlockPublicAcls", true,
                    "BlockPublicPolicy", true, "IgnorePublicAcls", true, "RestrictPublicBuckets", true));
        }
        for (var policy : synth.resources("AWS::S3::BucketPolicy").values()) {
            assertThat(policy.toString()).contains("aws:SecureTransport=false").contains("Deny");
        }
        assertThat(synth.resources("AWS::CloudFront::OriginAccessControl")).hasSize(1);
        String webPolicy = synth.resources("AWS::S3::BucketPolicy").values().stream().map(Object::toString)
                .filter(s -> s.contains("cloudfront.amazonaws.com")).findFirst().orElseThrow();
        assertThat(webPolicy).contains("s3:GetObject").contains("AWS:SourceArn");
    }

    @Test
    void cloudFrontSendsApiUncachedToTheHttpApiAndTheAppsScreensThroughTheFunction() {
        Map<String, Object> config = (Map<String, Object>) props(synth.resources("AWS::CloudFront::Distribution").values().iterator().next())
                .get("DistributionConfig");
        Map<String, Object> api = (Map<String, Object>) ((List<?>) config.get("CacheBehaviors")).getFirst();
        assertThat(api.get("PathPattern")).isEqualTo("/api/*");
        assertThat(api.get("CachePolicyId")).as("CachingDisabled").isEqualTo("4135ea2d-6df8-44a3-9df3-4b5a84be39ad");
        assertThat((List<String>) api.get("AllowedMethods")).contains("POST", "PUT", "DELETE");
        // AllViewerExceptHostHeader: Authorization and the query reach the API, Host stays API Gateway's own
        assertThat(api.get("OriginRequestPolicyId")).isEqualTo("b689b0a8-53d0-40ab-baf2-68738e2966ac");
        String apiOrigin = ((List<?>) config.get("Origins")).stream().map(Object::toString)
                .filter(o -> o.contains((String) api.get("TargetOriginId"))).findFirst().orElseThrow();
        assertThat(apiOrigin).contains(".execute-api.").contains(synth.resources("AWS::ApiGatewayV2::Api").keySet().iterator().next());
        Map<String, Object> def = (Map<String, Object>) config.get("DefaultCacheBehavior");
        assertThat(def.get("ViewerProtocolPolicy")).isEqualTo("redirect-to-https");
        assertThat(def.get("FunctionAssociations").toString()).contains("viewer-request")
                .contains(synth.resources("AWS::CloudFront::Function").keySet().iterator().next());
        assertThat(config.get("DefaultRootObject")).isEqualTo("index.html");
        String headersPolicy = refOf(def.get("ResponseHeadersPolicyId"));
        assertThat(refOf(api.get("ResponseHeadersPolicyId"))).isEqualTo(headersPolicy);
        String headers = synth.resources("AWS::CloudFront::ResponseHeadersPolicy").get(headersPolicy).toString();
        assertThat(headers).contains("ContentSecurityPolicy={Fn::Join=[, [default-src 'self';").contains("frame-ancestors 'none'")
                .contains("StrictTransportSecurity").contains("ContentTypeOptions").contains("FrameOption=DENY");
    }

    @Test
    void configJsonTellsTheAppToSignInAtTheUserPoolWithItsClient() throws IOException {
        var deployments = synth.resources("Custom::CDKBucketDeployment");
        assertThat(deployments).hasSize(1);
        Map<String, Object> p = props(deployments.values().iterator().next());
        Map<String, Object> markers = (Map<String, Object>) ((List<?>) p.get("SourceMarkers")).getLast();
        String key = (String) ((List<?>) p.get("SourceObjectKeys")).getLast();
        Path outdir = Path.of(((App) synth.stack.getNode().getRoot()).getOutdir());
        // staged as a folder, zipped when published
        String configJson = Files.readString(outdir.resolve("asset." + key.replaceFirst("\\.zip$", "")).resolve("config.json"));
        // a marker stands for a JSON string (quotes included) made of the referenced values
        for (var marker : markers.entrySet()) {
            configJson = configJson.replace(marker.getKey(), "<" + String.join(",", refsIn(marker.getValue())) + ">");
        }
        String pool = synth.resources("AWS::Cognito::UserPool").keySet().iterator().next();
        String client = synth.resources("AWS::Cognito::UserPoolClient").keySet().iterator().next();
        assertThat(configJson.replace(" ", "")).isEqualTo("{\"auth\":{\"mode\":\"oidc\",\"authority\":<" + pool + ">,\"clientId\":<"
                + client + ">,\"scope\":\"openidprofile\"}}");
        assertThat(p.get("DistributionPaths")).isEqualTo(List.of("/index.html", "/config.json"));
    }

    @Test
    void alarmsForApi5xxRateEveryLambdaDeadLettersWorkerThrottlesAndTheSweeperAllNotifyTheTopic() {
        var alarms = synth.resources("AWS::CloudWatch::Alarm");
        String topic = synth.resources("AWS::SNS::Topic").keySet().iterator().next();
        int functions = synth.cdtFunctions().size();
        assertThat(alarms).hasSize(1 + functions + 4 + 4);
        alarms.forEach((id, a) -> assertThat(refsIn(props(a).get("AlarmActions"))).as(id).containsExactly(topic));
        List<String> ids = alarms.keySet().stream().toList();
        assertThat(ids).anyMatch(i -> i.startsWith("MonitoringApi5xxRate"));
        assertThat(ids).anyMatch(i -> i.startsWith("MonitoringSweepErrors"));
        assertThat(ids.stream().filter(i -> i.startsWith("MonitoringDeadLetters"))).hasSize(4);
        assertThat(ids.stream().filter(i -> i.startsWith("MonitoringWorkerThrottles"))).hasSize(4);
        Map<String, Object> rate = props(alarms.entrySet().stream().filter(e -> e.getKey().startsWith("MonitoringApi5xxRate"))
                .findFirst().orElseThrow().getValue());
        assertThat(rate.toString()).contains("100 * errors / requests").contains("MetricName=5xx").contains("MetricName=Count");
        alarms.entrySet().stream().filter(e -> e.getKey().startsWith("MonitoringDeadLetters")).forEach(e -> {
            assertThat(props(e.getValue()).get("Threshold")).isEqualTo(1);
            assertThat(props(e.getValue()).toString()).contains("ApproximateNumberOfMessagesVisible");
        });
    }

    @Test
    void theDashboardShowsApiLambdasAndQueues() {
        String body = synth.resources("AWS::CloudWatch::Dashboard").values().iterator().next().toString();
        assertThat(body).contains("\"4xx\"", "\"5xx\"", "\"Latency\"", "\"Errors\"", "\"Duration\"", "\"Throttles\"",
                "ApproximateNumberOfMessagesVisible", "ApproximateAgeOfOldestMessage", "Dead-letter queue depth");
    }

    @Test
    void cloudFormationsOwnSchemaChecksFindNothing() throws IOException {
        Path report = Path.of(((App) synth.stack.getNode().getRoot()).getOutdir()).resolve("validation-report.json");
        assertThat(report).exists();
        String text = Files.readString(report);
        // CDK acknowledges its own log-bucket ACL (suppressedViolations); nothing may be left in violations
        assertThat(text).contains("CloudFormation Validate").containsPattern("\"violations\":\\s*\\[\\s*]");
    }
}
