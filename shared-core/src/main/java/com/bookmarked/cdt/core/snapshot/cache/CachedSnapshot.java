package com.bookmarked.cdt.core.snapshot.cache;

import java.time.Instant;

/**
 * What the store knows about a snapshot without reading it.
 *
 * @param contentHash SHA-256 of the encoded snapshot, hex; the same roster gives the same hash
 */
public record CachedSnapshot(SnapshotKey key, Instant fetchedAt, String contentHash, long bytes) {
}
