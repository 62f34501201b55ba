package com.bookmarked.cdt.local;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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

    @Override
    public Integer call() throws Exception {
        LocalEnvironment environment = LocalEnvironment.prepare(options, new java.io.PrintWriter(System.out, true));
        ApplicationContext context = environment.startContext(Map.of(
                "micronaut.server.port", port,
                "micronaut.server.host", host));
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
        System.out.println("CDT is ready on http://localhost:" + server.getPort()
                + "  (sign in as agent, engineer or admin; the password is the username)");
        stopped.await();
        return 0;
    }
}
