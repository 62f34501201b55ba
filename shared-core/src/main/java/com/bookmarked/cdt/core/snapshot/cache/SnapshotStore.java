package com.bookmarked.cdt.core.snapshot.cache;

import com.bookmarked.cdt.core.snapshot.RosterSnapshot;

import java.io.IOException;
import java.util.Optional;

/**
 * Where cached snapshots live: a local folder now; shaped so that an S3 bucket (object +
 * metadata, written whole, read by key) can implement it later.
 */
public interface SnapshotStore {

    Optional<CachedSnapshot> describe(SnapshotKey key) throws IOException;

    /** Reads the snapshot described; fails when it is missing or does not match its hash. */
    RosterSnapshot load(CachedSnapshot entry) throws IOException;

    /** Stores a snapshot whole (readers never see half of it) and says what was stored. */
    CachedSnapshot save(SnapshotKey key, RosterSnapshot snapshot) throws IOException;

    /** Forgets every snapshot of a customer, so that the next run fetches fresh ones. */
    void evict(String customerId) throws IOException;
}
