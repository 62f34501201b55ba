package com.bookmarked.cdt.core.run;

import com.bookmarked.cdt.core.customer.Customer;
import com.bookmarked.cdt.core.snapshot.RosterSnapshot;
import com.bookmarked.cdt.core.snapshot.SnapshotSide;
import com.bookmarked.cdt.core.tool.Progress;

/**
 * Where a run gets its snapshots: a port that connectors implement (a direct call locally, a
 * Lambda invoke in AWS). The run executor asks the first provider, in bean order, that
 * {@link #serves} the customer and side.
 *
 * <p>Failures the agent can act on (wrong password, file not found) should be thrown as
 * {@link com.bookmarked.cdt.core.http.UserFacingException}: the run shows their message.
 */
public interface SnapshotProvider {

    /**
     * A snapshot of one side of the customer's roster, fresh enough for the customer's TTL.
     * Reports its own phases and percent through {@code progress}.
     */
    RosterSnapshot fetch(Customer customer, SnapshotSide side, Progress progress);

    /** Whether this provider reads that side for that customer; one-side providers override it. */
    default boolean serves(Customer customer, SnapshotSide side) {
        return true;
    }
}
