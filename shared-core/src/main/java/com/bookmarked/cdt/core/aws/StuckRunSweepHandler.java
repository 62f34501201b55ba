package com.bookmarked.cdt.core.aws;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.bookmarked.cdt.core.run.StuckRunSweep;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The Lambda handler an EventBridge schedule (every 5 minutes) calls to end runs that can no
 * longer finish ({@link StuckRunSweep}); the admin function carries it.
 */
public class StuckRunSweepHandler extends MicronautRequestHandler<ScheduledEvent, StuckRunSweep.Swept> {

    @Inject
    StuckRunSweep sweep;

    /** Used by Lambda. */
    public StuckRunSweepHandler() {
    }

    public StuckRunSweepHandler(ApplicationContextBuilder builder) {
        super(builder);
    }

    public StuckRunSweepHandler(ApplicationContext context) {
        super(context);
    }

    @Override
    public StuckRunSweep.Swept execute(ScheduledEvent event) {
        return sweep.sweep();
    }
}
