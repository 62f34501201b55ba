package com.bookmarked.cdt.core.snapshot.cache;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Lets a second run on the same customer start at once: a snapshot younger than the customer's
 * TTL for that side is read from the {@link SnapshotStore} instead of fetched again, and runs
 * that ask for the same snapshot at the same moment share one fetch. The cache never hides a
 * fetch failure, and a store that cannot be read or written only costs a fetch.
 */
@Singleton
public class SnapshotCache {

    static final Duration DEFAULT_SIS_TTL = Duration.ofMinutes(60);
    static final Duration DEFAULT_OURS_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = LoggerFactory.getLogger(SnapshotCache.class);
    private static final DateTimeFormatter CLOCK_TIME = DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final SnapshotStore store;
    private final Clock clock;
    private final Map<SnapshotKey, CompletableFuture<RosterSnapshot>> inFlight = new ConcurrentHashMap<>();

    @jakarta.inject.Inject
    public SnapshotCache(SnapshotStore store) {
        this(store, Clock.systemUTC());
    }

    public SnapshotCache(SnapshotStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The customer's snapshot of one side: from the store while it is fresh, otherwise from
     * {@code fetch} (once, however many runs ask at the same time), then stored.
     */
    public RosterSnapshot get(Customer customer, SnapshotSide side, Progress progress, Supplier<RosterSnapshot> fetch) {
        SnapshotKey key = SnapshotKey.of(customer, side);
        Optional<RosterSnapshot> fresh = fresh(key, ttl(customer, side), progress);
        if (fresh.isPresent()) {
            return fresh.get();
        }
        CompletableFuture<RosterSnapshot> mine = new CompletableFuture<>();
        CompletableFuture<RosterSnapshot> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            progress.report("Waiting for the " + what(side) + " another run is fetching", 0);
            return join(running);
        }
        try {
            RosterSnapshot snapshot = fetch.get();
            saveQuietly(key, snapshot);
            mine.complete(snapshot);
            return snapshot;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    /** "Refresh now": the next run of any tool on this customer fetches both sides again. */
    public void evict(String customerId) throws IOException {
        store.evict(customerId);
    }

    private Optional<RosterSnapshot> fresh(SnapshotKey key, Duration ttl, Progress progress) {
        try {
            Optional<CachedSnapshot> entry = store.describe(key);
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            Duration age = Duration.between(entry.get().fetchedAt(), clock.instant());
            if (age.compareTo(ttl) > 0 || age.isNegative()) {
                return Optional.empty();
            }
            progress.report("Using the " + what(key.side()) + " fetched at "
                    + CLOCK_TIME.format(entry.get().fetchedAt()) + " (" + age.toMinutes() + " min ago)", 50);
            return Optional.of(store.load(entry.get()));
        } catch (IOException | RuntimeException e) {
            LOG.warn("snapshot cache unreadable for {} {}, fetching instead: {}", key.customerId(), key.side(), e.toString());
            return Optional.empty();
        }
    }

    private void saveQuietly(SnapshotKey key, RosterSnapshot snapshot) {
        try {
            store.save(key, snapshot);
        } catch (IOException | RuntimeException e) {
            LOG.warn("could not cache the {} snapshot of {}: {}", key.side(), key.customerId(), e.toString());
        }
    }

    private static RosterSnapshot join(CompletableFuture<RosterSnapshot> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    static Duration ttl(Customer customer, SnapshotSide side) {
        CustomerSettings.SnapshotTtl ttl = customer.settings().snapshotTtlMinutes();
        Integer minutes = ttl == null ? null : side == SnapshotSide.SIS ? ttl.sis() : ttl.ours();
        if (minutes == null) {
            return side == SnapshotSide.SIS ? DEFAULT_SIS_TTL : DEFAULT_OURS_TTL;
        }
        return Duration.ofMinutes(minutes);
    }

    private static String what(SnapshotSide side) {
        return side == SnapshotSide.SIS ? "SIS roster" : "copy of our database";
    }
}
