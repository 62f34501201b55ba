package com.bookmarked.cdt.infra;

import software.amazon.awscdk.Aws;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Fn;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HeadersFrameOption;
import software.amazon.awscdk.services.cloudfront.HeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentSecurityPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersContentTypeOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersFrameOptions;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersReferrerPolicy;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersStrictTransportSecurity;
import software.amazon.awscdk.services.cloudfront.ResponseSecurityHeadersBehavior;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolDomain;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.assets.AssetOptions;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.CacheControl;
import software.amazon.awscdk.services.s3.deployment.ISource;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The web app: a private bucket read by CloudFront through origin access control, {@code /api/*}
 * passed to the HTTP API uncached, the app's client routes answered with index.html, and
 * {@code config.json} telling the app to sign in at Cognito (docs/hosted-sign-in.md).
 */
public class WebApp extends Construct {

    /** The CloudFront Function (cloudfront-js-2.0) that serves index.html for the app's screens. */
    static final String CLIENT_ROUTES_FUNCTION = "web/client-routes.js";

    private final StackSettings settings;
    private final Bucket bucket;
    private final Bucket logs;
    private final Distribution distribution;
    private final software.amazon.awscdk.services.cloudfront.Function clientRoutes;
    private final ResponseHeadersPolicy headers;

    public WebApp(Construct scope, String id, HttpApi api, StackSettings settings, UserPoolDomain signInDomain) {
        super(scope, id);
        this.settings = settings;
        logs = Bucket.Builder.create(this, "AccessLogs")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                // CloudFront's standard logs are written with an ACL
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_PREFERRED)
                .lifecycleRules(List.of(LifecycleRule.builder().expiration(Duration.days(90)).build()))
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();
        bucket = Bucket.Builder.create(this, "Files")
                .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
                .enforceSsl(true)
                .encryption(BucketEncryption.S3_MANAGED)
                .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
                .serverAccessLogsBucket(logs)
                .serverAccessLogsPrefix("s3/")
                .removalPolicy(RemovalPolicy.RETAIN)
                .build();

        clientRoutes = software.amazon.awscdk.services.cloudfront.Function.Builder.create(this, "ClientRoutes")
                .comment("CDT: the web app's screens are index.html")
                .runtime(FunctionRuntime.JS_2_0)
                .code(FunctionCode.fromInline(clientRoutesCode()))
                .build();

        String signIn = signInDomain.baseUrl();
        String provider = "https://cognito-idp." + Aws.REGION + ".amazonaws.com";
        headers = ResponseHeadersPolicy.Builder.create(this, "SecurityHeaders")
                .comment("CDT web app and API security headers")
                .securityHeadersBehavior(ResponseSecurityHeadersBehavior.builder()
                        .contentSecurityPolicy(ResponseHeadersContentSecurityPolicy.builder()
                                .contentSecurityPolicy(String.join("; ",
                                        "default-src 'self'",
                                        "script-src 'self'",
                                        // React sets style attributes
                                        "style-src 'self' 'unsafe-inline'",
                                        "img-src 'self' data:",
                                        "font-src 'self'",
                                        "connect-src 'self' " + provider + " " + signIn,
                                        "frame-src " + signIn,
                                        "form-action 'self' " + signIn,
                                        "object-src 'none'",
                                        "base-uri 'self'",
                                        "frame-ancestors 'none'"))
                                .override(true)
                                .build())
                        .strictTransportSecurity(ResponseHeadersStrictTransportSecurity.builder()
                                .accessControlMaxAge(Duration.days(730)).includeSubdomains(true).preload(true).override(true).build())
                        .contentTypeOptions(ResponseHeadersContentTypeOptions.builder().override(true).build())
                        .frameOptions(ResponseHeadersFrameOptions.builder().frameOption(HeadersFrameOption.DENY).override(true).build())
                        .referrerPolicy(ResponseHeadersReferrerPolicy.builder()
                                .referrerPolicy(HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN).override(true).build())
                        .build())
                .build();

        // the API's own address: https://<id>.execute-api.<region>.amazonaws.com, $default stage, same paths
        String apiDomain = Fn.join("", List.of(api.getApiId(), ".execute-api.", Aws.REGION, ".", Aws.URL_SUFFIX));
        Map<String, BehaviorOptions> more = new LinkedHashMap<>();
        more.put("/api/*", BehaviorOptions.builder()
                .origin(HttpOrigin.Builder.create(apiDomain).protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY).build())
                .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
                .allowedMethods(AllowedMethods.ALLOW_ALL)
                .cachePolicy(CachePolicy.CACHING_DISABLED)
                // everything the browser sent (Authorization, query, cookies) but Host, which API Gateway checks
                .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
                .responseHeadersPolicy(headers)
                .build());
        distribution = Distribution.Builder.create(this, "Distribution")
                .comment("CDT web app")
                .defaultRootObject("index.html")
                .defaultBehavior(BehaviorOptions.builder()
                        .origin(S3BucketOrigin.withOriginAccessControl(bucket))
                        .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                        .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                        .responseHeadersPolicy(headers)
                        .functionAssociations(List.of(FunctionAssociation.builder()
                                .function(clientRoutes).eventType(FunctionEventType.VIEWER_REQUEST).build()))
                        .build())
                .additionalBehaviors(more)
                .httpVersion(HttpVersion.HTTP2_AND_3)
                .priceClass(PriceClass.PRICE_CLASS_100)
                .enableLogging(true)
                .logBucket(logs)
                .logFilePrefix("cloudfront/")
                .build();
    }

    /** Uploads the built app (when there is one) and {@code config.json} for hosted sign-in. */
    void deploy(UserPool userPool, UserPoolClient client) {
        Map<String, Object> auth = new LinkedHashMap<>();
        auth.put("mode", "oidc");
        auth.put("authority", userPool.getUserPoolProviderUrl());
        auth.put("clientId", client.getUserPoolClientId());
        // Cognito refuses offline_access (it always returns a refresh token)
        auth.put("scope", "openid profile");
        // the built files carry their content hash in their names: cached for a year; old ones are
        // kept (no pruning) so that a tab opened before a deployment still loads its chunks
        BucketDeployment assets = settings.webDist().map(dist -> BucketDeployment.Builder.create(this, "DeployAssets")
                .sources(List.of(Source.asset(dist.toString(),
                        AssetOptions.builder().exclude(List.of("index.html", "config.json")).build())))
                .destinationBucket(bucket)
                .prune(false)
                .cacheControl(List.of(CacheControl.fromString("public, max-age=31536000, immutable")))
                .memoryLimit(512)
                .build()).orElse(null);
        // index.html and config.json name the current files and user pool: revalidated on every load
        List<ISource> shell = new ArrayList<>();
        settings.webDist().ifPresent(dist -> shell.add(Source.asset(dist.toString(),
                AssetOptions.builder().exclude(List.of("*", "!index.html")).build())));
        shell.add(Source.jsonData("config.json", Map.of("auth", auth)));
        BucketDeployment deploy = BucketDeployment.Builder.create(this, "Deploy")
                .sources(shell)
                .destinationBucket(bucket)
                .prune(false)
                .cacheControl(List.of(CacheControl.fromString("no-cache")))
                .distribution(distribution)
                .distributionPaths(List.of("/index.html", "/config.json"))
                .memoryLimit(512)
                .build();
        if (assets != null) {
            // index.html only once the files it names are there
            deploy.getNode().addDependency(assets);
        }
    }

    static String clientRoutesCode() {
        try (InputStream in = WebApp.class.getClassLoader().getResourceAsStream(CLIENT_ROUTES_FUNCTION)) {
            if (in == null) {
                throw new IllegalStateException(CLIENT_ROUTES_FUNCTION + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Bucket bucket() {
        return bucket;
    }

    public Bucket logs() {
        return logs;
    }

    public Distribution distribution() {
        return distribution;
    }
}
