package com.bookmarked.cdt.core.snapshot.cache;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.customer.CustomerSettings;
import com.bookmarked.cdt.core.demo.DemoDistrict;
import com.bookmarked.cdt.core.demo.DemoDistrictGenerator;
import com.bookmarked.cdt.core.demo.DemoSpec;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotMeta;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SnapshotCacheTest {

    private static final DemoDistrict DISTRICT = new DemoDistrictGenerator().generate(new DemoSpec(150, 5));

    /** A clock the test moves by hand. */
    private static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-11-29T10:00:00Z");

        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final TestClock clock = new TestClock();
    private final AtomicInteger fetches = new AtomicInteger();

    private Customer customer(String location, int sisTtlMinutes) {
        return new Customer("lincoln", "Lincoln", new CustomerSettings(
                new CustomerSettings.Sis("oneroster-csv", location, null),
                new CustomerSettings.Ours("production", "lincoln"),
                new CustomerSettings.SnapshotTtl(sisTtlMinutes, 10)), Instant.EPOCH);
    }

    /** The SIS side as a connector would return it, stamped with the time of the fetch. */
    private Supplier<RosterSnapshot> sisFetch() {
        return () -> {
            fetches.incrementAndGet();
            RosterSnapshot s = DISTRICT.sis();
            return new RosterSnapshot(new SnapshotMeta("lincoln", SnapshotSide.SIS, "oneroster-csv", clock.instant(), null),
                    s.orgs(), s.users(), s.classes(), s.courses(), s.academicSessions(), s.enrollments(),
                    s.guardianEmailsElsewhere());
        };
    }

    @Test
    void aSecondRunWithinTheTtlDoesNotFetchAgain(@TempDir Path folder) {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 60);

        RosterSnapshot first = cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());
        clock.now = clock.now.plus(Duration.ofMinutes(59));
        RosterSnapshot second = cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anOlderSnapshotThanTheTtlIsFetchedAgain(@TempDir Path folder) {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 30);

        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(2);
    }

    @Test
    void anotherSourceInTheSettingsNeverReusesTheOldSnapshot(@TempDir Path folder) {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);

        cache.get(customer("/data/lincoln.zip", 60), SnapshotSide.SIS, Progress.NONE, sisFetch());
        cache.get(customer("/data/lincoln-2026.zip", 60), SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(2);
    }

    @Test
    void runsAskingAtTheSameMomentShareOneFetch(@TempDir Path folder) throws Exception {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 60);
        CountDownLatch fetchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<RosterSnapshot> slowFetch = () -> {
            fetchStarted.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return sisFetch().get();
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            Future<RosterSnapshot> first = pool.submit(() -> cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, slowFetch));
            assertThat(fetchStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<Future<RosterSnapshot>> others = Stream.generate(() -> pool.submit(
                    () -> cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, slowFetch))).limit(3).toList();
            Thread.sleep(100);
            release.countDown();
            RosterSnapshot shared = first.get(10, TimeUnit.SECONDS);
            for (Future<RosterSnapshot> f : others) {
                assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(shared);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailedFetchIsNotCachedAndIsSeenByTheRun(@TempDir Path folder) {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 60);

        assertThatThrownBy(() -> cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, () -> {
            throw new IllegalStateException("the SIS said no");
        })).hasMessage("the SIS said no");
        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(1);
    }

    @Test
    void aDamagedCacheFileCostsOnlyAFetch(@TempDir Path folder) throws Exception {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 60);
        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());
        try (Stream<Path> files = Files.walk(folder)) {
            Path snap = files.filter(p -> p.toString().endsWith(".snap")).findFirst().orElseThrow();
            byte[] bytes = Files.readAllBytes(snap);
            bytes[bytes.length / 2] ^= 0x5A;
            Files.write(snap, bytes);
        }

        RosterSnapshot again = cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(2);
        assertThat(again.users()).hasSameSizeAs(DISTRICT.sis().users());
    }

    @Test
    void refreshNowMakesTheNextRunFetch(@TempDir Path folder) throws Exception {
        SnapshotCache cache = new SnapshotCache(new LocalFolderSnapshotStore(folder.toString()), clock);
        Customer lincoln = customer("/data/lincoln.zip", 60);
        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        cache.evict("lincoln");
        cache.get(lincoln, SnapshotSide.SIS, Progress.NONE, sisFetch());

        assertThat(fetches).hasValue(2);
    }
}
