package com.bookmarked.cdt.core.run;

import java.util.UUID;

/**
 * Hands a stored, QUEUED run to a worker. Returns at once; the worker calls
 * {@link RunExecutor#execute(UUID)}. The default is {@link InProcessRunDispatcher}; a queue-fed
 * worker in AWS replaces it with {@code @Replaces(InProcessRunDispatcher.class)}.
 */
public interface RunDispatcher {

    void dispatch(UUID runId);
}
