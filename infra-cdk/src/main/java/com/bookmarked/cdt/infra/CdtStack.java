package com.bookmarked.cdt.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Tags;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpRouteKey;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.CfnUserPoolGroup;
import software.amazon.awscdk.services.cognito.CognitoDomainOptions;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.OAuthFlows;
import software.amazon.awscdk.services.cognito.OAuthScope;
import software.amazon.awscdk.services.cognito.OAuthSettings;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientIdentityProvider;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ec2.Subnet;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.Vpc;
import software.amazon.awscdk.services.ec2.VpcAttributes;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.Schedule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.eventsources.SqsEventSource;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.sqs.DeadLetterQueue;
import software.amazon.awscdk.services.sqs.Queue;
import software.amazon.awscdk.services.sqs.QueueEncryption;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CDT in one stack: a Lambda per function module behind an HTTP API with a Cognito JWT
 * authorizer, a run queue and worker per tool, the stuck-run sweep, the web app on S3 +
 * CloudFront, and the dashboard and alarms (docs/aws-stack.md).
 */
public class CdtStack extends Stack {

    /** Longest a run may take in a worker: Lambda's limit, and the run service's {@code cdt.runs.worker-time-limit}. */
    static final Duration WORKER_TIMEOUT = Duration.minutes(15);
    static final int MAX_RECEIVE_COUNT = 5;
    static final String ALIAS = "live";

    private final StackSettings settings;
    private final FunctionJars jars;
    private final Map<String, Function> lambdas = new LinkedHashMap<>();
    private final Map<String, Alias> aliases = new LinkedHashMap<>();
    private final Map<String, Queue> runQueues = new LinkedHashMap<>();
    private final Map<String, Queue> deadLetterQueues = new LinkedHashMap<>();
    private final IVpc vpc;
    private final SubnetSelection subnets;
    private final SecurityGroup functionsGroup;
    private final UserPool userPool;
    private final UserPoolClient webClient;
    private final UserPoolDomain signInDomain;
    private final HttpApi api;
    private final WebApp webApp;

    public CdtStack(Construct scope, String id, StackProps props, StackSettings settings, FunctionJars jars) {
        super(scope, id, props);
        this.settings = settings;
        this.jars = jars;

        vpc = Vpc.fromVpcAttributes(this, "DatabaseVpc", VpcAttributes.builder()
                .vpcId(settings.vpcId())
                .availabilityZones(settings.availabilityZones())
                .privateSubnetIds(settings.privateSubnetIds())
                .build());
        List<software.amazon.awscdk.services.ec2.ISubnet> subnetList = new ArrayList<>();
        for (int i = 0; i < settings.privateSubnetIds().size(); i++) {
            subnetList.add(Subnet.fromSubnetId(this, "Subnet" + i, settings.privateSubnetIds().get(i)));
        }
        subnets = SubnetSelection.builder().subnets(subnetList).build();
        functionsGroup = SecurityGroup.Builder.create(this, "FunctionsSecurityGroup")
                .vpc(vpc)
                .description("CDT functions - out to the databases, AWS APIs and the SIS of each district")
                .allowAllOutbound(true)
                .build();
        settings.databaseSecurityGroupId().ifPresent(groupId -> SecurityGroup
                .fromSecurityGroupId(this, "DatabaseSecurityGroup", groupId)
                .addIngressRule(Peer.securityGroupId(functionsGroup.getSecurityGroupId()), Port.tcp(settings.cdtDatabase().port()),
                        "CDT functions to PostgreSQL"));

        // --- sign-in -------------------------------------------------------------------------
        userPool = UserPool.Builder.create(this, "Users")
                .selfSignUpEnabled(false)
                .signInAliases(SignInAliases.builder().email(true).username(true).build())
                .passwordPolicy(PasswordPolicy.builder().minLength(12).requireDigits(true).requireLowercase(true)
                        .requireUppercase(true).requireSymbols(true).build())
                .mfa(Mfa.REQUIRED)
                .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
                .accountRecovery(AccountRecovery.EMAIL_ONLY)
                .deletionProtection(true)
                .build();
        signInDomain = userPool.addDomain("SignIn", software.amazon.awscdk.services.cognito.UserPoolDomainOptions.builder()
                .cognitoDomain(CognitoDomainOptions.builder().domainPrefix(settings.cognitoDomainPrefix()).build())
                .build());
        for (String group : List.of("agent", "engineer", "admin")) {
            CfnUserPoolGroup.Builder.create(this, "Group-" + group)
                    .userPoolId(userPool.getUserPoolId())
                    .groupName(group)
                    .description("CDT role " + group + " (read from cognito:groups)")
                    .build();
        }

        // --- the web app's hosting first: its address is the sign-in redirect URL ------------------
        api = HttpApi.Builder.create(this, "Api")
                .description("CDT API: /api/** of every function")
                .createDefaultStage(false)
                .build();
        webApp = new WebApp(this, "Web", api, settings, signInDomain);

        List<String> callbacks = new ArrayList<>();
        callbacks.add("https://" + webApp.distribution().getDistributionDomainName() + "/");
        callbacks.addAll(settings.extraCallbackUrls());
        webClient = userPool.addClient("WebApp", software.amazon.awscdk.services.cognito.UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .oAuth(OAuthSettings.builder()
                        .flows(OAuthFlows.builder().authorizationCodeGrant(true).build())
                        .scopes(List.of(OAuthScope.OPENID, OAuthScope.PROFILE))
                        .callbackUrls(callbacks)
                        .logoutUrls(callbacks)
                        .build())
                .supportedIdentityProviders(List.of(UserPoolClientIdentityProvider.COGNITO))
                .preventUserExistenceErrors(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.hours(12))
                .build());
        webApp.deploy(userPool, webClient);

        // --- functions ---------------------------------------------------------------------------
        ISecret cdtDatabaseSecret = Secret.fromSecretNameV2(this, "CdtDatabaseSecret", settings.cdtDatabase().secretName());
        for (CdtFunction f : CdtFunction.ALL) {
            Alias http = lambda(f, "Http", CdtFunction.HTTP_HANDLER, httpSize(f), cdtDatabaseSecret);
            switch (f.kind()) {
                case ADMIN -> {
                    Alias sweep = lambda(f, "Sweep", CdtFunction.SWEEP_HANDLER, new Size(512, Duration.minutes(1), 512), cdtDatabaseSecret);
                    Rule.Builder.create(this, "StuckRunSweepSchedule")
                            .description("Ends runs stuck RUNNING or QUEUED (docs/aws-run-path.md)")
                            .schedule(Schedule.rate(Duration.minutes(5)))
                            .targets(List.of(LambdaFunction.Builder.create(sweep).retryAttempts(0).build()))
                            .build();
                }
                case TOOL -> toolWorker(f, http, cdtDatabaseSecret);
                case CONNECTOR -> grantConnectorSecrets(f, http);
            }
        }

        // --- HTTP API ----------------------------------------------------------------------------
        LogGroup accessLog = LogGroup.Builder.create(this, "ApiAccessLog").retention(RetentionDays.THREE_MONTHS).build();
        HttpStage.Builder.create(this, "ApiStage")
                .httpApi(api)
                .stageName("$default")
                .autoDeploy(true)
                .accessLogSettings(new IAccessLogSettings() {
                    @Override
                    public software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination getDestination() {
                        return new LogGroupLogDestination(accessLog);
                    }

                    @Override
                    public AccessLogFormat getFormat() {
                        // no query string, no headers: they may hold a district's names or a token
                        return AccessLogFormat.custom("{\"requestId\":\"$context.requestId\",\"ip\":\"$context.identity.sourceIp\","
                                + "\"time\":\"$context.requestTime\",\"method\":\"$context.httpMethod\",\"route\":\"$context.routeKey\","
                                + "\"status\":\"$context.status\",\"latency\":\"$context.responseLatency\","
                                + "\"integrationError\":\"$context.integrationErrorMessage\",\"authorizerError\":\"$context.authorizer.error\"}");
                    }
                })
                .throttle(ThrottleSettings.builder().rateLimit(50).burstLimit(100).build())
                .build();
        IHttpRouteAuthorizer jwt = new HttpUserPoolAuthorizer("CognitoJwt", userPool, HttpUserPoolAuthorizerProps.builder()
                .userPoolClients(List.of(webClient))
                .authorizerName("cognito-jwt")
                .build());
        Map<String, HttpLambdaIntegration> integrations = new LinkedHashMap<>();
        HttpRoute health = null;
        for (ApiRoutes.Route route : ApiRoutes.all()) {
            HttpLambdaIntegration integration = integrations.computeIfAbsent(route.function().module(),
                    m -> new HttpLambdaIntegration(route.function().constructId() + "Integration", aliases.get(m + "/Http")));
            HttpRoute added = HttpRoute.Builder.create(this, "Route" + route.key().replaceAll("[^A-Za-z0-9]", ""))
                    .httpApi(api)
                    .routeKey(HttpRouteKey.with(route.path(), HttpMethod.valueOf(route.method())))
                    .integration(integration)
                    .authorizer(route.open() ? new HttpNoneAuthorizer() : jwt)
                    .build();
            if (route.open()) {
                health = added;
            }
        }

        new Monitoring(this, "Monitoring", api, lambdas, runQueues, deadLetterQueues, settings.alarmEmail());
        List<Function> sisConnectors = CdtFunction.ALL.stream()
                .filter(f -> f.access() == CdtFunction.SecretAccess.SIS)
                .map(f -> lambdas.get(f.module() + "/Http"))
                .toList();
        NagFindings.suppress(this, lambdas, sisConnectors, settings.sisSecretPrefix(), health, webApp.distribution(), userPool);

        CfnOutput.Builder.create(this, "WebUrl").value("https://" + webApp.distribution().getDistributionDomainName() + "/").build();
        CfnOutput.Builder.create(this, "ApiEndpoint").value(api.getApiEndpoint()).build();
        CfnOutput.Builder.create(this, "UserPoolId").value(userPool.getUserPoolId()).build();
        CfnOutput.Builder.create(this, "WebClientId").value(webClient.getUserPoolClientId()).build();
        CfnOutput.Builder.create(this, "SignInDomain").value(signInDomain.baseUrl()).build();
    }

    /** Memory, timeout and {@code /tmp} of one Lambda. */
    record Size(int memoryMb, Duration timeout, int tmpMb) {
    }

    private static Size httpSize(CdtFunction f) {
        return switch (f.kind()) {
            // API Gateway waits 30 s at most for an HTTP answer
            case ADMIN, TOOL -> new Size(1024, Duration.seconds(29), 512);
            // a connector also fetches snapshots (invoked directly): up to Lambda's limit; the FTP
            // connector downloads exports of up to 2 GB (maxBytes) to /tmp, and unpacks from there
            case CONNECTOR -> new Size(2048, Duration.minutes(15), f.largeTmp() ? 4096 : 512);
        };
    }

    private Alias lambda(CdtFunction f, String role, String handler, Size size, ISecret cdtDatabaseSecret) {
        String id = f.constructId() + role;
        LogGroup logs = LogGroup.Builder.create(this, id + "Logs")
                .retention(RetentionDays.ONE_MONTH)
                .build();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CDT_DB_URL", settings.cdtDatabase().jdbcUrl());
        env.put("CDT_DB_USER", settings.cdtDatabase().user());
        // a reference, never the value: the function reads the password from Secrets Manager
        env.put("CDT_DB_PASSWORD_REF", "aws-sm:" + settings.cdtDatabase().secretName() + ":password");
        env.put("CDT_AUTH_ISSUER", userPool.getUserPoolProviderUrl());
        env.put("CDT_AUTH_AUDIENCE", webClient.getUserPoolClientId());
        env.put("CDT_AUTH_JWKS_URL", userPool.getUserPoolProviderUrl() + "/.well-known/jwks.json");
        if (f.kind() == CdtFunction.Kind.CONNECTOR && f.access() == CdtFunction.SecretAccess.OUR_DATABASE) {
            for (StackSettings.OurDatabase db : settings.ourDatabases()) {
                String prefix = "CDT_BOOKMARKED_INSTANCES_" + db.name().toUpperCase() + "_";
                env.put(prefix + "URL", db.jdbcUrl());
                env.put(prefix + "USER", db.user());
                env.put(prefix + "PASSWORD_REF", "aws-sm:" + db.secretName() + ":password");
            }
        }
        boolean snapStart = size.tmpMb() <= 512;
        Function.Builder fn = Function.Builder.create(this, id)
                .description("CDT " + f.module() + " (" + role.toLowerCase() + ")")
                .runtime(Runtime.JAVA_21)
                .handler(handler)
                .code(Code.fromAsset(jars.jarOf(f.module()).toString()))
                .memorySize(size.memoryMb())
                .timeout(size.timeout())
                .ephemeralStorageSize(software.amazon.awscdk.Size.mebibytes(size.tmpMb()))
                .logGroup(logs)
                .environment(env)
                .vpc(vpc)
                .vpcSubnets(subnets)
                .securityGroups(List.of(functionsGroup));
        if (snapStart) {
            // Lambda does not snapshot functions with more than 512 MB of /tmp
            fn.snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS);
        }
        Function function = fn.build();
        Tags.of(function).add("cdt:module", f.module());
        Tags.of(function).add("cdt:role", role.toLowerCase());
        cdtDatabaseSecret.grantRead(function);
        Alias alias = Alias.Builder.create(this, id + "Live")
                .aliasName(ALIAS)
                .version(function.getCurrentVersion())
                .build();
        lambdas.put(f.module() + "/" + role, function);
        aliases.put(f.module() + "/" + role, alias);
        return alias;
    }

    private void toolWorker(CdtFunction f, Alias http, ISecret cdtDatabaseSecret) {
        String id = f.constructId();
        Queue dlq = Queue.Builder.create(this, id + "RunDlq")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                .retentionPeriod(Duration.days(14))
                .build();
        Queue queue = Queue.Builder.create(this, id + "RunQueue")
                .encryption(QueueEncryption.SQS_MANAGED)
                .enforceSsl(true)
                // AWS's advice for a Lambda event source: six times the function's timeout
                .visibilityTimeout(Duration.minutes(WORKER_TIMEOUT.toMinutes().intValue() * 6))
                .retentionPeriod(Duration.days(4))
                .deadLetterQueue(DeadLetterQueue.builder().queue(dlq).maxReceiveCount(MAX_RECEIVE_COUNT).build())
                .build();
        // tools work on in-memory indexes of whole districts: more memory (and so more CPU)
        Alias worker = lambda(f, "Worker", CdtFunction.WORKER_HANDLER, new Size(6144, WORKER_TIMEOUT, 512), cdtDatabaseSecret);
        worker.addEventSource(SqsEventSource.Builder.create(queue)
                .batchSize(1)
                .reportBatchItemFailures(true)
                // a few runs at once per tool, so that a burst does not exhaust the database's connections
                .maxConcurrency(5)
                .build());
        queue.grantSendMessages(http);
        for (String role : List.of("Http", "Worker")) {
            lambdas.get(f.module() + "/" + role).addEnvironment("CDT_RUNS_QUEUE_URL", queue.getQueueUrl());
        }
        runQueues.put(f.module(), queue);
        deadLetterQueues.put(f.module(), dlq);
    }

    private void grantConnectorSecrets(CdtFunction f, Alias http) {
        Function function = lambdas.get(f.module() + "/Http");
        // secrets under a customer-managed key also need the key, and only through Secrets Manager
        settings.secretsKeyArn().ifPresent(key -> function.addToRolePolicy(PolicyStatement.Builder.create()
                .effect(Effect.ALLOW)
                .actions(List.of("kms:Decrypt"))
                .resources(List.of(key))
                .conditions(Map.of("StringEquals", Map.of("kms:ViaService", "secretsmanager." + Aws.REGION + ".amazonaws.com")))
                .build()));
        switch (f.access()) {
            case SIS -> function.addToRolePolicy(PolicyStatement.Builder.create()
                    .effect(Effect.ALLOW)
                    .actions(List.of("secretsmanager:GetSecretValue"))
                    .resources(List.of("arn:" + Aws.PARTITION + ":secretsmanager:" + Aws.REGION + ":" + Aws.ACCOUNT_ID
                            + ":secret:" + settings.sisSecretPrefix() + "*"))
                    .build());
            case OUR_DATABASE -> {
                int i = 0;
                for (StackSettings.OurDatabase db : settings.ourDatabases()) {
                    Secret.fromSecretNameV2(this, "OurDatabaseSecret" + i++, db.secretName()).grantRead(function);
                }
            }
            case NONE -> {
            }
        }
    }

    public Map<String, Function> lambdas() {
        return lambdas;
    }

    public HttpApi api() {
        return api;
    }

    public UserPool userPool() {
        return userPool;
    }

    public WebApp webApp() {
        return webApp;
    }
}
