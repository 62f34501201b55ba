package com.bookmarked.cdt.infra;

import software.constructs.Node;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What the stack takes from outside instead of creating or looking up (no lookups at synth time):
 * the network the databases live in, CDT's own PostgreSQL and our database instances. Read from
 * CDK context ({@code -c cdt:vpcId=…} or {@code cdk.json}); see docs/aws-stack.md.
 *
 * @param vpcId               the VPC of the databases; every function runs in it
 * @param availabilityZones   the zones of {@code privateSubnetIds}, in the same order
 * @param privateSubnetIds    subnets with a route to the internet (NAT) or VPC endpoints for SQS,
 *                            Secrets Manager and Cognito's keys; SIS APIs need the internet
 * @param databaseSecurityGroupId optional: the databases' security group, opened on 5432 to the functions
 * @param cdtDatabase         CDT's run store
 * @param ourDatabases        our database instances the Bookmarked connector reads (staging, production)
 * @param sisSecretPrefix     name prefix of customers' SIS secrets ({@code cdt/sis/}); SIS connectors may read those only
 * @param cognitoDomainPrefix prefix of the hosted sign-in domain ({@code <prefix>.auth.<region>.amazoncognito.com})
 * @param alarmEmail          optional address subscribed to the alarm topic (a team list, not a person)
 * @param webDist             the built web app ({@code web-spa/dist}), or empty: then only config.json is deployed
 * @param extraCallbackUrls   sign-in redirect URLs besides the CloudFront address (e.g. a local gateway)
 * @param secretsKeyArn       optional: the customer-managed KMS key of the connectors' secrets (none: AWS's own key)
 */
public record StackSettings(
        String vpcId,
        List<String> availabilityZones,
        List<String> privateSubnetIds,
        Optional<String> databaseSecurityGroupId,
        Database cdtDatabase,
        List<OurDatabase> ourDatabases,
        String sisSecretPrefix,
        String cognitoDomainPrefix,
        Optional<String> alarmEmail,
        Optional<Path> webDist,
        List<String> extraCallbackUrls,
        Optional<String> secretsKeyArn) {

    /** CDT's PostgreSQL; the password is read from {@code secretName} (a JSON secret's {@code password}). */
    public record Database(String host, int port, String name, String user, String secretName) {
        public String jdbcUrl() {
            return "jdbc:postgresql://" + host + ":" + port + "/" + name;
        }
    }

    /** One instance of our database ({@code cdt.bookmarked.instances.<name>.*}). */
    public record OurDatabase(String name, String jdbcUrl, String user, String secretName) {
        public OurDatabase {
            if (!name.matches("[a-z][a-z0-9]*")) {
                throw new IllegalArgumentException("Our database instance name '" + name
                        + "' must be lower-case letters and digits (it becomes an environment variable name).");
            }
        }
    }

    public StackSettings {
        if (availabilityZones.size() != privateSubnetIds.size()) {
            throw new IllegalArgumentException("cdt:availabilityZones and cdt:privateSubnetIds must list as many entries ("
                    + availabilityZones.size() + " zones, " + privateSubnetIds.size() + " subnets).");
        }
        if (privateSubnetIds.isEmpty()) {
            throw new IllegalArgumentException("cdt:privateSubnetIds must name at least one subnet.");
        }
    }

    /** Context keys, so that the error for a missing one can list them. */
    static final List<String> REQUIRED = List.of("cdt:vpcId", "cdt:availabilityZones", "cdt:privateSubnetIds",
            "cdt:dbHost", "cdt:dbName", "cdt:dbUser", "cdt:dbSecretName", "cdt:cognitoDomainPrefix");

    /**
     * Reads the settings from the app's context. {@code cdt:ourDatabases} is
     * {@code name=jdbcUrl|user|secretName}, several separated by {@code ;}.
     */
    public static StackSettings fromContext(Node node, Path repoRoot) {
        List<String> missing = REQUIRED.stream().filter(k -> text(node, k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Missing context for the CDT stack: " + String.join(", ", missing)
                    + ". Pass them with -c key=value or in cdk.json (docs/aws-stack.md).");
        }
        List<OurDatabase> ours = new ArrayList<>();
        for (String entry : list(text(node, "cdt:ourDatabases").orElse(""), ";")) {
            String[] nameAndRest = entry.split("=", 2);
            String[] parts = nameAndRest.length == 2 ? nameAndRest[1].split("\\|") : new String[0];
            if (parts.length != 3) {
                throw new IllegalArgumentException("cdt:ourDatabases entry '" + entry.split("=", 2)[0]
                        + "' must read name=jdbcUrl|user|secretName.");
            }
            ours.add(new OurDatabase(nameAndRest[0].trim(), parts[0].trim(), parts[1].trim(), parts[2].trim()));
        }
        Path dist = repoRoot.resolve("web-spa").resolve("dist");
        return new StackSettings(
                text(node, "cdt:vpcId").orElseThrow(),
                list(text(node, "cdt:availabilityZones").orElseThrow(), ","),
                list(text(node, "cdt:privateSubnetIds").orElseThrow(), ","),
                text(node, "cdt:databaseSecurityGroupId"),
                new Database(text(node, "cdt:dbHost").orElseThrow(),
                        Integer.parseInt(text(node, "cdt:dbPort").orElse("5432")),
                        text(node, "cdt:dbName").orElseThrow(),
                        text(node, "cdt:dbUser").orElseThrow(),
                        text(node, "cdt:dbSecretName").orElseThrow()),
                ours,
                text(node, "cdt:sisSecretPrefix").orElse("cdt/sis/"),
                text(node, "cdt:cognitoDomainPrefix").orElseThrow(),
                text(node, "cdt:alarmEmail"),
                Files.isRegularFile(dist.resolve("index.html")) ? Optional.of(dist) : Optional.empty(),
                list(text(node, "cdt:extraCallbackUrls").orElse(""), ","),
                text(node, "cdt:secretsKeyArn"));
    }

    private static Optional<String> text(Node node, String key) {
        Object value = node.tryGetContext(key);
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString().trim());
    }

    private static List<String> list(String text, String separator) {
        return Arrays.stream(text.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
