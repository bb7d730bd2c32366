package io.cocoon4j.runner.job;

import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.journal.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * The child process of {@link JobLifecycleCrashTest}: a runner serving one job from a journal and
 * a {@link LedgerMarket} in a directory. With a kill point it prints {@code AT <point>} when it
 * gets there and waits to be killed; without one it resumes or serves the job to the end and
 * prints {@code DONE}.
 *
 * <p>Arguments: directory, job id (hex), kill point (a {@link Step} name, {@code TOKEN_3}, or {@code none}).
 */
public final class CrashingRunner {
    private CrashingRunner() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Hash32 jobId = Hash32.fromHex(args[1]);
        String killAt = args[2];
        JobInput input = JobLifecycleCrashTest.readInput(dir);
        try (Journal journal = Journal.open(dir.resolve("journal.db"));
             LedgerMarket ledger = LedgerMarket.open(dir.resolve("ledger.db"), JobLifecycleCrashTest.WINDOW,
                 Duration.ofSeconds(30));
             LlamaEngine engine = TestJobs.engine()) {
            SimulatedEnclave enclave = SimulatedEnclave.open(dir.resolve("enclave"), "crash-test");
            StepListener listener = (job, step) -> {
                if (step.name().equals(killAt)) {
                    waitToBeKilled(killAt);
                }
            };
            JobLifecycle lifecycle = new JobLifecycle(journal, ledger, engine, enclave, TestCommitmentEncoding.INSTANCE,
                TestJobs.modelSha256(), new JobLifecycle.Settings(Duration.ofMillis(20), Duration.ofSeconds(30)), listener,
                Clock.systemUTC());
            TokenSink sink = (index, token) -> {
                if (killAt.equals("TOKEN_" + index)) {
                    waitToBeKilled(killAt);
                }
            };
            if (journal.intent(JobLifecycle.intentId(jobId)).isEmpty()) {
                // The client (re)sends its input: nothing of this job survived, or nothing was begun.
                lifecycle.serve(jobId, input, sink);
            }
            while (lifecycle.resume() > 0) {
                Thread.sleep(50);
            }
            Files.writeString(dir.resolve("done"), "done");
            System.out.println("DONE");
            System.out.flush();
        }
        System.exit(0);
    }

    private static void waitToBeKilled(String point) {
        System.out.println("AT " + point);
        System.out.flush();
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
