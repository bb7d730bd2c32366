package io.cocoon4j.runner.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.journal.IntentState;
import io.cocoon4j.runner.journal.Journal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real runner process ({@code Process.destroyForcibly}, SIGKILL on Linux) at each durable
 * step of a job and restarts it on the same journal and ledger: the job must end finalized with
 * the result an uninterrupted run commits, each of accept, commit and finalize taken by the wallet
 * exactly once, and every resent message byte-identical to the first copy of its seqno.
 */
class JobLifecycleCrashTest {
    static final Duration WINDOW = Duration.ofMillis(500);
    private static final Hash32 JOB = Hash32.fromHex("c0".repeat(32));
    private static final Hash32 SALT = Hash32.fromHex("5a".repeat(32));

    private static JobSpec spec;
    /** The commitment of a run nobody killed (its own enclave key signed it, so compare the values). */
    private static SignedCommitment uninterrupted;

    @TempDir
    Path dir;

    @BeforeAll
    static void referenceRun(@TempDir Path reference) throws Exception {
        try (LlamaEngine engine = TestJobs.engine()) {
            JobInput input = new JobInput(SALT, engine.tokenize("the runner is killed and comes back", true));
            spec = TestJobs.spec(JOB, engine, input, 40);
        }
        prepare(reference);
        Run run = start(reference, "none");
        assertThat(run.awaitExit()).as(run.output()).isZero();
        try (LedgerMarket ledger = ledger(reference)) {
            uninterrupted = ledger.commitment(JOB).orElseThrow();
        }
        assertThat(uninterrupted.commitment().tokenCount()).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"INPUT_JOURNALED", "ACCEPT_SIGNED", "ACCEPT_SENT", "ACCEPTED", "TOKEN_3",
        "OUTPUT_JOURNALED", "COMMIT_SIGNED", "COMMIT_SENT", "COMMITTED", "FINALIZE_SIGNED", "FINALIZE_SENT"})
    void aKillAtAnyStepNeitherLosesTheJobNorActsTwice(String killAt) throws Exception {
        prepare(dir);
        Run killed = start(dir, killAt);
        killed.awaitLine("AT " + killAt);
        killed.process.destroyForcibly();
        assertThat(killed.process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(killed.output()).doesNotContain("DONE");

        Run restarted = start(dir, "none");
        assertThat(restarted.awaitExit()).as(restarted.output()).isZero();
        assertThat(restarted.output()).contains("DONE");

        try (LedgerMarket ledger = ledger(dir); Journal journal = Journal.open(dir.resolve("journal.db"))) {
            assertThat(ledger.stateOf(JOB)).isEqualTo("finalized");
            SignedCommitment committed = ledger.commitment(JOB).orElseThrow();
            assertThat(committed.commitment()).isEqualTo(uninterrupted.commitment());
            byte[] enclaveKey = SimulatedEnclave.open(dir.resolve("enclave"), "crash-test").identityKey().rawPublicKey();
            assertThat(committed.signedBy(enclaveKey, TestCommitmentEncoding.INSTANCE)).isTrue();
            List<LedgerMarket.Received> received = ledger.received();
            assertThat(received.stream().filter(LedgerMarket.Received::taken).map(LedgerMarket.Received::action))
                .containsExactly("accept", "commit", "finalize");
            Map<Long, byte[]> firstCopy = new HashMap<>();
            for (LedgerMarket.Received r : received) {
                byte[] first = firstCopy.putIfAbsent(r.seqno(), r.bytes());
                assertThat(first == null || Arrays.equals(first, r.bytes()))
                    .as("seqno %d was signed twice with different bytes", r.seqno()).isTrue();
            }
            var intent = journal.intent(JobLifecycle.intentId(JOB)).orElseThrow();
            assertThat(intent.state()).isInstanceOf(IntentState.Completed.class);
            assertThat(intent.details()).as("a finished job keeps no transcript").isEmpty();
            assertThat(journal.fact(JobLifecycle.intentId(JOB), "output")).isEmpty();
        }
    }

    private static void prepare(Path dir) throws IOException {
        try (LedgerMarket ledger = ledger(dir)) {
            ledger.createJob(spec);
        }
        try (LlamaEngine engine = TestJobs.engine()) {
            writeInput(dir, new JobInput(SALT, engine.tokenize("the runner is killed and comes back", true)));
        }
    }

    private static LedgerMarket ledger(Path dir) {
        return LedgerMarket.open(dir.resolve("ledger.db"), WINDOW, Duration.ofSeconds(30));
    }

    static void writeInput(Path dir, JobInput input) throws IOException {
        Files.write(dir.resolve("input.bin"), Transcript.encodeInput(input));
    }

    static JobInput readInput(Path dir) throws IOException {
        return Transcript.decodeInput(Files.readAllBytes(dir.resolve("input.bin")));
    }

    private static Run start(Path dir, String killAt) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp",
            System.getProperty("java.class.path"), CrashingRunner.class.getName(), dir.toString(), JOB.hex(), killAt);
        pb.redirectErrorStream(true);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return new Run(pb.start());
    }

    /** A child process whose output is collected line by line. */
    private static final class Run {
        final Process process;
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        Run(Process process) {
            this.process = process;
            this.reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // The process was killed.
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine(String expected) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            synchronized (lines) {
                while (!lines.contains(expected)) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !process.isAlive() && !reader.isAlive()) {
                        throw new AssertionError("the child never printed '" + expected + "':\n" + output());
                    }
                    lines.wait(Math.max(1, Math.min(500, TimeUnit.NANOSECONDS.toMillis(left))));
                }
            }
        }

        int awaitExit() throws InterruptedException {
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the child did not finish:\n" + output());
            }
            reader.join(5_000);
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }
    }
}
