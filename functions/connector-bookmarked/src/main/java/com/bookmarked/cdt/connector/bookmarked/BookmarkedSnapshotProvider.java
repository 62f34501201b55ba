package com.bookmarked.cdt.connector.bookmarked;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.http.UserFacingException;
import com.bookmarked.cdt.core.run.SnapshotProvider;
import com.bookmarked.cdt.core.secrets.SecretRef;
import com.bookmarked.cdt.core.secrets.Secrets;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the "ours" side of a customer from the configured instance of our database. Pools are
 * opened on first use, one per instance, and the password is revealed only here, from its
 * reference.
 */
@Singleton
public class BookmarkedSnapshotProvider implements SnapshotProvider {

    private final Map<String, BookmarkedInstance> instances;
    private final Secrets secrets;
    private final Map<String, BookmarkedSnapshotReader> readers = new ConcurrentHashMap<>();
    private final Map<String, ReadOnlyDatabase> open = new ConcurrentHashMap<>();

    public BookmarkedSnapshotProvider(List<BookmarkedInstance> instances, Secrets secrets) {
        this.instances = new ConcurrentHashMap<>();
        instances.forEach(i -> this.instances.put(i.getName(), i));
        this.secrets = secrets;
    }

    @Override
    public boolean serves(Customer customer, SnapshotSide side) {
        return side == SnapshotSide.OURS;
    }

    @Override
    public RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress) {
        var ours = customer.settings().ours();
        if (ours == null || ours.instance() == null || ours.customerKey() == null) {
            throw new UserFacingException("Our database is not set up for this customer",
                    "Customer " + customer.id() + " has no Bookmarked database instance or customer key in its settings.",
                    422);
        }
        BookmarkedSnapshotReader reader = readers.computeIfAbsent(ours.instance(), this::openReader);
        try {
            return reader.read(customer.id(), ours.customerKey(), progress);
        } catch (BookmarkedSnapshotReader.UnknownCustomerException e) {
            throw new UserFacingException("Customer not found in our database", e.getMessage(), 422, e);
        } catch (SQLException e) {
            throw new UserFacingException("Our database could not be read",
                    "Reading the " + ours.instance() + " database failed (" + describe(e) + "). "
                            + "Nothing was changed; try again, or ask an engineer if it keeps failing.", 503, e);
        }
    }

    private BookmarkedSnapshotReader openReader(String instanceName) {
        BookmarkedInstance instance = instances.get(instanceName);
        if (instance == null || instance.getUrl() == null) {
            throw new UserFacingException("Unknown database instance",
                    "The " + instanceName + " database is not configured on this server.", 422);
        }
        String password = instance.getPasswordRef() == null ? null : secrets.reveal(SecretRef.parse(instance.getPasswordRef()));
        Mapping mapping;
        try {
            mapping = instance.getMapping() == null ? Mapping.defaultMapping() : Mapping.load(Path.of(instance.getMapping()));
        } catch (IOException e) {
            throw new UserFacingException("The database mapping file cannot be read",
                    "The mapping of the " + instanceName + " database (" + instance.getMapping() + ") cannot be read.", 500, e);
        }
        ReadOnlyDatabase database = ReadOnlyDatabase.open(instanceName, instance.getUrl(), instance.getUser(), password,
                instance.getStatementTimeout());
        open.put(instanceName, database);
        return new BookmarkedSnapshotReader(database, mapping, Clock.systemUTC());
    }

    /** SQLState and the driver's words, which carry no row data. */
    private static String describe(SQLException e) {
        return "SQLState " + e.getSQLState();
    }

    @PreDestroy
    void close() {
        open.values().forEach(ReadOnlyDatabase::close);
    }
}
