package com.bookmarked.cdt.connector.oneroster.rest;

import com.bookmarked.cdt.core.tool.Progress;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;

/**
 * How fast the OneRoster REST client reads a district: users served by a plain HTTP server on
 * 127.0.0.1 in pages of 1,000, once with no delay (the client's own cost: signing, parsing,
 * mapping) and once with a per-page delay like a real SIS's, at parallelism 1, 4 and 8.
 *
 * <p>Run: {@code ./mvnw -q -pl functions/connector-oneroster -am -Prest-benchmark -DskipTests test}
 * (arguments: users, then the per-page delay in ms; defaults 100000 and 50).
 */
public final class OneRosterRestBenchmark {

    static final String BASE = "/ims/oneroster/v1p1";

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int delay = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int pageSize = 1_000;

        RosterRecords records = new RosterRecords("http://127.0.0.1" + BASE, RestVersion.V1_1);
        List<byte[]> pages = new ArrayList<>();
        long bytes = 0;
        for (int from = 0; from < users; from += pageSize) {
            StringBuilder page = new StringBuilder("{\"users\":[");
            for (int i = from; i < Math.min(users, from + pageSize); i++) {
                if (i > from) {
                    page.append(',');
                }
                page.append(records.student(i + 1));
            }
            byte[] body = page.append("]}").toString().getBytes(StandardCharsets.UTF_8);
            bytes += body.length;
            pages.add(body);
        }
        Server server = new Server(users, pageSize, pages);
        try {
            System.out.printf(Locale.US, "OneRoster REST client, %,d users in pages of %,d (%.1f MB of JSON), JDK %s%n",
                    users, pageSize, bytes / 1e6, Runtime.version());
            System.out.printf(Locale.US, "%-28s %11s %9s %12s %9s%n", "run", "parallelism", "seconds", "users/s", "MB/s");
            run(server, 0, 4, users, bytes, "warm-up (not counted)", false);
            for (int parallelism : new int[] {1, 4}) {
                run(server, 0, parallelism, users, bytes, "no delay (client cost)", true);
            }
            for (int parallelism : new int[] {1, 4, 8}) {
                run(server, delay, parallelism, users, bytes, delay + " ms per page", true);
            }
        } finally {
            server.stop();
        }
    }

    static void run(Server server, int delay, int parallelism, int users, long bytes, String label, boolean print)
            throws Exception {
        server.delayMillis = delay;
        RestSource source = RestSource.of(SisName.SIS, URI.create(server.url() + BASE), RestVersion.V1_1,
                new RestAccess.OAuth1("bench-key", "bench-secret")).withPaging(1_000, parallelism);
        long start = System.nanoTime();
        RestImport result = new OneRosterRestReader(Ticker.SYSTEM, new PageSlots())
                .read(source, "bench", "oneroster-rest", Progress.NONE);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (result.snapshot().users().size() != users) {
            throw new IllegalStateException("read " + result.snapshot().users().size() + " users, expected " + users);
        }
        if (print) {
            System.out.printf(Locale.US, "%-28s %11d %9.2f %,12.0f %9.1f%n", label, parallelism, seconds, users / seconds,
                    bytes / 1e6 / seconds);
        }
    }

    /** Serves the users pages and empty lists for the other collections, with X-Total-Count. */
    static final class Server {
        final HttpServer http;
        final int users;
        final int pageSize;
        final List<byte[]> pages;
        volatile int delayMillis;

        Server(int users, int pageSize, List<byte[]> pages) throws IOException {
            this.users = users;
            this.pageSize = pageSize;
            this.pages = pages;
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            http.createContext(BASE, this::handle);
            http.start();
        }

        String url() {
            return "http://127.0.0.1:" + http.getAddress().getPort();
        }

        void handle(HttpExchange exchange) throws IOException {
            String path = exchange.getRequestURI().getPath();
            String collection = path.substring(path.lastIndexOf('/') + 1);
            Map<String, String> query = new HashMap<>();
            String raw = exchange.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String pair : raw.split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.put(kv[0], kv.length > 1 ? kv[1] : "");
                }
            }
            int offset = Integer.parseInt(query.getOrDefault("offset", "0"));
            byte[] body;
            int total;
            if (collection.equals("users")) {
                total = users;
                body = offset / pageSize < pages.size() ? pages.get(offset / pageSize)
                        : "{\"users\":[]}".getBytes(StandardCharsets.UTF_8);
                if (delayMillis > 0) {
                    try {
                        Thread.sleep(delayMillis);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            } else {
                total = 0;
                body = ("{\"" + collection + "\":[]}").getBytes(StandardCharsets.UTF_8);
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("X-Total-Count", Integer.toString(total));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        void stop() {
            http.stop(0);
        }
    }
}
