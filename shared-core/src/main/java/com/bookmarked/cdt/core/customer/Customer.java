package com.bookmarked.cdt.core.customer;

import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A school district and how CDT reaches its data.
 *
 * @param connectors the connectors that serve this customer, the SIS one first, then {@code bookmarked}
 * @param lastTests the latest connection test of each connector that has been tested (filled
 *        by {@link CustomerService#details}; empty elsewhere)
 */
@Serdeable
public record Customer(String id, String name, CustomerSettings settings, Instant updatedAt,
                       List<String> connectors, List<ConnectionTestSeen> lastTests) {

    @Creator
    public Customer {
        connectors = connectors == null ? connectorsFor(settings) : List.copyOf(connectors);
        lastTests = lastTests == null ? List.of() : List.copyOf(lastTests);
    }

    public Customer(String id, String name, CustomerSettings settings, Instant updatedAt) {
        this(id, name, settings, updatedAt, null, null);
    }

    /**
     * The latest {@code connector.test} of one connector, from the audit trail.
     *
     * @param actor the username of whoever ran it
     */
    @Serdeable
    public record ConnectionTestSeen(String connector, boolean ok, @Nullable String verdict, Instant at, String actor) {
    }

    public Customer withLastTests(List<ConnectionTestSeen> tests) {
        return new Customer(id, name, settings, updatedAt, connectors, tests);
    }

    public CustomerSummary summary() {
        return summary(null);
    }

    public CustomerSummary summary(@Nullable Instant lastRunAt) {
        return new CustomerSummary(id, name,
                settings.sis() == null ? null : settings.sis().type(),
                settings.ours() == null ? null : settings.ours().instance(), lastRunAt);
    }

    /**
     * The SIS connector follows from {@code sis.type} and, for OneRoster CSV, the location's
     * scheme (files fetched over FTP, FTPS or SFTP are the {@code ftp} connector's); our side is
     * always {@code bookmarked}.
     */
    public static List<String> connectorsFor(@Nullable CustomerSettings settings) {
        List<String> out = new ArrayList<>(2);
        CustomerSettings.Sis sis = settings == null ? null : settings.sis();
        if (sis != null && sis.type() != null) {
            switch (sis.type()) {
                case "oneroster-csv" -> out.add(remoteFiles(sis.location()) ? "ftp" : "oneroster-csv");
                case "oneroster-rest", "classlink" -> out.add(sis.type());
                default -> {
                    // an unknown type is refused when saved; nothing to test for it
                }
            }
        }
        out.add("bookmarked");
        return List.copyOf(out);
    }

    private static boolean remoteFiles(@Nullable String location) {
        if (location == null) {
            return false;
        }
        String scheme;
        try {
            scheme = URI.create(location.trim()).getScheme();
        } catch (IllegalArgumentException e) {
            int colon = location.indexOf("://");
            scheme = colon > 0 ? location.substring(0, colon) : null;
        }
        return scheme != null && List.of("ftp", "ftps", "sftp").contains(scheme.toLowerCase(Locale.ROOT));
    }
}
