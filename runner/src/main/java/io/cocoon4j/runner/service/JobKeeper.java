package io.cocoon4j.runner.service;

import io.cocoon4j.runner.job.ChainUnavailableException;
import io.cocoon4j.runner.job.JobLifecycle;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps a runner's journaled jobs moving in the background: at start (after a restart) and then
 * every {@code period} it calls {@link JobLifecycle#resume()}, which carries interrupted jobs on and
 * finalizes those whose challenge window has ended. A chain that is unreachable for a while only
 * delays it: the next round tries again.
 */
public final class JobKeeper implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(JobKeeper.class.getName());

    private final ScheduledExecutorService scheduler;

    private JobKeeper(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /** Starts the rounds, the first one at once. */
    public static JobKeeper start(JobLifecycle lifecycle, Duration period) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the period must be positive, got " + period);
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "job-keeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> round(lifecycle), 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return new JobKeeper(scheduler);
    }

    private static void round(JobLifecycle lifecycle) {
        try {
            lifecycle.resume();
        } catch (ChainUnavailableException e) {
            LOG.info("chain unavailable, jobs stay journaled until the next round: " + e.getMessage());
        } catch (RuntimeException e) {
            // A failing round must not end the schedule; the journal keeps every job for the next one.
            LOG.log(Level.WARNING, "a round of journaled jobs failed", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
