package com.bookmarked.cdt.local;

import com.bookmarked.cdt.core.auth.JwtVerifier;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code cdt serve}: every function's controllers, the web app and the demo district on one port. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the whole product locally: API, web app, embedded PostgreSQL and the demo district.")
final class ServeCommand implements Callable<Integer> {

    @Mixin
    LocalOptions options;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--oidc-issuer", paramLabel = "URL", description = "Sign in at this OpenID Connect identity provider "
            + "(its issuer, e.g. https://cognito-idp.REGION.amazonaws.com/POOL_ID) instead of the dev login; "
            + "the API then accepts only its tokens. Same as " + HostedSignIn.ISSUER + ".")
    String oidcIssuer;

    @Option(names = "--oidc-client-id", paramLabel = "ID", description = "The web app's client id at that provider "
            + "(a public client: no secret, Authorization Code with PKCE, redirect URI http://localhost:PORT/).")
    String oidcClientId;

    @Option(names = "--oidc-audience", paramLabel = "A", description = "The aud the API expects in access tokens "
            + "(default: the client id); also sent to the provider as the audience parameter.")
    String oidcAudience;

    @Option(names = "--oidc-scope", paramLabel = "SCOPE", description = "Scopes the app asks for (default: "
            + HostedSignIn.DEFAULT_SCOPE + "; Cognito: \"openid profile\").")
    String oidcScope;

    @Override
    public Integer call() throws Exception {
        Map<String, Object> settings = new HashMap<>(Map.of(
                "micronaut.server.port", port,
                "micronaut.server.host", host));
        putIfGiven(settings, HostedSignIn.ISSUER, oidcIssuer);
        putIfGiven(settings, HostedSignIn.CLIENT_ID, oidcClientId);
        putIfGiven(settings, HostedSignIn.AUDIENCE, oidcAudience);
        putIfGiven(settings, HostedSignIn.SCOPE, oidcScope);
        if (oidcIssuer == null && (oidcClientId != null || oidcAudience != null || oidcScope != null)) {
            throw new IllegalArgumentException("The --oidc-* options need --oidc-issuer, the identity provider's address.");
        }

        LocalEnvironment environment = LocalEnvironment.prepare(options, new java.io.PrintWriter(System.out, true));
        ApplicationContext context;
        HostedSignIn signIn;
        try {
            context = environment.startContext(settings);
            signIn = context.getBean(HostedSignIn.class);
            try {
                // Reads the provider's discovery now, so that a wrong address stops the start with a clear message.
                context.getBean(JwtVerifier.class);
            } catch (RuntimeException e) {
                context.close();
                throw new IllegalStateException(rootMessage(e), e);
            }
        } catch (RuntimeException e) {
            environment.close();
            throw e;
        }
        EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
                context.close();
                environment.close();
            } catch (Exception ignored) {
                // shutting down anyway
            } finally {
                stopped.countDown();
            }
        }, "cdt-shutdown"));
        System.out.println("CDT is ready on http://localhost:" + server.getPort() + (signIn.isOn()
                ? "  (sign in at " + signIn.getIssuer() + " as client " + signIn.getClientId() + ")"
                : "  (sign in as agent, engineer or admin; the password is the username)"));
        stopped.await();
        return 0;
    }

    private static void putIfGiven(Map<String, Object> settings, String key, String value) {
        if (value != null && !value.isBlank()) {
            settings.put(key, value.trim());
        }
    }

    /** The innermost message: Micronaut wraps a listener's failure in bean-creation text meant for developers. */
    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        String message = e.getMessage();
        while (cause != null) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null) {
                message = cause.getMessage();
            }
            cause = cause.getCause();
        }
        return message;
    }
}
