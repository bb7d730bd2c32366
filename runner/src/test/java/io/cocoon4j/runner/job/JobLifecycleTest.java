package io.cocoon4j.runner.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.journal.Journal;
import io.cocoon4j.runner.journal.Outgoing;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runner's job lifecycle in one process, against the {@link LedgerMarket} stand-in. */
class JobLifecycleTest {
    private static LlamaEngine engine;
    private static int[] prompt;

    @TempDir
    Path dir;
    private Journal journal;
    private LedgerMarket ledger;
    private SimulatedEnclave enclave;
    private JobLifecycle lifecycle;

    @BeforeAll
    static void openEngine() {
        engine = TestJobs.engine();
        prompt = engine.tokenize("a job for the lifecycle", true);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @BeforeEach
    void open() {
        journal = Journal.open(dir.resolve("journal.db"));
        ledger = LedgerMarket.open(dir.resolve("ledger.db"), Duration.ofMillis(300), Duration.ofMillis(400));
        enclave = SimulatedEnclave.ephemeral("lifecycle-test");
        lifecycle = new JobLifecycle(journal, ledger, engine, enclave, TestCommitmentEncoding.INSTANCE,
            TestJobs.modelSha256(), new JobLifecycle.Settings(Duration.ofMillis(20), Duration.ofSeconds(20)),
            StepListener.NONE, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        journal.close();
        ledger.close();
    }

    private JobSpec job(String idHex, JobInput input, int maxTokens) {
        JobSpec spec = TestJobs.spec(Hash32.fromHex(idHex.repeat(32)), engine, input, maxTokens);
        ledger.createJob(spec);
        return spec;
    }

    @Test
    void tokensStreamAsProducedAndTheCommitmentIsThemSignedByTheEnclave() {
        JobInput input = new JobInput(Hash32.fromHex("11".repeat(32)), prompt);
        JobSpec spec = job("a1", input, 30);
        List<Integer> streamed = new ArrayList<>();
        SignedCommitment[] committed = new SignedCommitment[1];
        ResultClaim claim = lifecycle.serve(spec.jobId(), input, new TokenSink() {
            @Override
            public void token(int index, int token) {
                assertThat(index).isEqualTo(streamed.size());
                streamed.add(token);
            }

            @Override
            public void committed(ResultClaim c, StopReason stop, SignedCommitment commitment) {
                committed[0] = commitment;
            }
        });

        assertThat(streamed).containsExactly(java.util.Arrays.stream(claim.outputTokens()).boxed().toArray(Integer[]::new));
        assertThat(claim.commitmentsMatch()).isTrue();
        assertThat(ledger.commitment(spec.jobId())).contains(committed[0]);
        assertThat(committed[0].signedBy(enclave.identityKey().rawPublicKey(), TestCommitmentEncoding.INSTANCE)).isTrue();
        assertThat(committed[0].signedBy(SimulatedEnclave.ephemeral("other").identityKey().rawPublicKey(),
            TestCommitmentEncoding.INSTANCE)).isFalse();
    }

    @Test
    void aWrongInputIsRefusedAndNothingIsJournaledOrSent() {
        JobInput input = new JobInput(Hash32.fromHex("22".repeat(32)), prompt);
        JobSpec spec = job("b2", input, 10);
        JobInput otherSalt = new JobInput(Hash32.fromHex("23".repeat(32)), prompt);

        assertThatThrownBy(() -> lifecycle.serve(spec.jobId(), otherSalt, TokenSink.NONE))
            .isInstanceOfSatisfying(JobRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.INPUT_MISMATCH));
        assertThatThrownBy(() -> lifecycle.serve(Hash32.fromHex("b3".repeat(32)), input, TokenSink.NONE))
            .isInstanceOfSatisfying(JobRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.UNKNOWN_JOB));
        JobInput outsideVocabulary = new JobInput(input.salt(), new int[] {1, engine.vocabSize()});
        JobSpec badPrompt = job("b4", outsideVocabulary, 10);
        assertThatThrownBy(() -> lifecycle.serve(badPrompt.jobId(), outsideVocabulary, TokenSink.NONE))
            .isInstanceOfSatisfying(JobRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.BAD_PROMPT));

        assertThat(journal.unfinished()).isEmpty();
        assertThat(ledger.received()).isEmpty();
        assertThat(ledger.stateOf(spec.jobId())).isEqualTo("open");
    }

    @Test
    void aLostMessageExpiresAndIsSignedAnewThenLandsOnce() {
        JobInput input = new JobInput(Hash32.fromHex("33".repeat(32)), prompt);
        JobSpec spec = job("c3", input, 8);
        ledger.dropNextSends(1);

        lifecycle.serve(spec.jobId(), input, TokenSink.NONE);

        List<Outgoing> accepts = journal.attempts(JobLifecycle.intentId(spec.jobId())).stream()
            .filter(o -> o.action().equals("accept")).toList();
        assertThat(accepts).extracting(Outgoing::fate).containsExactly(Outgoing.Fate.EXPIRED, Outgoing.Fate.LANDED);
        assertThat(ledger.received().stream().filter(LedgerMarket.Received::taken).map(LedgerMarket.Received::action))
            .containsExactly("accept", "commit");
    }

    @Test
    void aChainOutageAfterAcceptLeavesTheJobJournaledAndResumeCommitsItOnce() {
        JobInput input = new JobInput(Hash32.fromHex("55".repeat(32)), prompt);
        JobSpec spec = job("e5", input, 16);
        JobLifecycle outage = new JobLifecycle(journal, ledger, engine, enclave, TestCommitmentEncoding.INSTANCE,
            TestJobs.modelSha256(), new JobLifecycle.Settings(Duration.ofMillis(20), Duration.ofSeconds(20)),
            (job, step) -> {
                if (step == Step.OUTPUT_JOURNALED) {
                    ledger.setReachable(false);
                }
            }, Clock.systemUTC());

        assertThatThrownBy(() -> outage.serve(spec.jobId(), input, TokenSink.NONE))
            .isInstanceOf(ChainUnavailableException.class);
        assertThat(ledger.stateOf(spec.jobId())).isEqualTo("accepted");
        assertThat(journal.unfinished()).hasSize(1);

        ledger.setReachable(true);
        lifecycle.resume();
        assertThat(ledger.stateOf(spec.jobId())).isEqualTo("committed");
        assertThat(ledger.received().stream().filter(LedgerMarket.Received::taken).map(LedgerMarket.Received::action))
            .containsExactly("accept", "commit");
        int[] output = lifecycle.transcript(spec.jobId()).orElseThrow().output();
        assertThat(ledger.commitment(spec.jobId()).orElseThrow().commitment())
            .isEqualTo(ResultCommitment.of(ResultClaim.of(spec, output)));
    }

    @Test
    void aChallengedJobKeepsItsTranscriptPastTheWindowAndIsNotFinalized() throws Exception {
        JobInput input = new JobInput(Hash32.fromHex("66".repeat(32)), prompt);
        JobSpec spec = job("f6", input, 10);
        lifecycle.serve(spec.jobId(), input, TokenSink.NONE);
        ledger.challenge(spec.jobId());

        Thread.sleep(600); // past the 300 ms window
        assertThat(lifecycle.finalizeDue()).isEqualTo(1);
        assertThat(ledger.stateOf(spec.jobId())).isEqualTo("challenged");
        assertThat(lifecycle.transcript(spec.jobId())).as("the jury and the runner's defence need it").isPresent();
        assertThat(journal.attempts(JobLifecycle.intentId(spec.jobId())).stream().map(Outgoing::action))
            .doesNotContain("finalize");
    }

    @Test
    void theTranscriptIsKeptForTheChallengeWindowAndErasedOnceFinalized() throws Exception {
        JobInput input = new JobInput(Hash32.fromHex("44".repeat(32)), prompt);
        JobSpec spec = job("d4", input, 12);
        ResultClaim claim = lifecycle.serve(spec.jobId(), input, TokenSink.NONE);

        Transcript t = lifecycle.transcript(spec.jobId()).orElseThrow();
        assertThat(t.input()).isEqualTo(input);
        assertThat(t.output()).containsExactly(claim.outputTokens());
        assertThat(lifecycle.finalizeDue()).as("the window is still open").isEqualTo(1);

        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lifecycle.finalizeDue() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(ledger.stateOf(spec.jobId())).isEqualTo("finalized");
        assertThat(lifecycle.transcript(spec.jobId())).isEmpty();
        assertThatThrownBy(() -> lifecycle.serve(spec.jobId(), input, TokenSink.NONE))
            .isInstanceOfSatisfying(JobRejectedException.class,
                e -> assertThat(e.reason()).isEqualTo(JobRejectedException.Reason.NOT_OPEN));
    }
}
