package com.bookmarked.cdt.connector.ftp;

import com.bookmarked.cdt.core.run.SnapshotProvider;
import jakarta.inject.Singleton;

import java.util.List;

/** The snapshot providers in the order a run sees them: injected as the run executor gets them. */
@Singleton
record RunExecutorProviders(List<SnapshotProvider> providers) {
}
