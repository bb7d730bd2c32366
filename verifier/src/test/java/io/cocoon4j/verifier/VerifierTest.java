package io.cocoon4j.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.protocol.Chunking;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.runner.engine.LlamaBuild;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.Scores;
import io.cocoon4j.runner.gguf.GgufFile;
import io.cocoon4j.runner.gguf.GgufReader;
import io.cocoon4j.runner.model.ModelFiles;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.verifier.experiment.DriftMeasurement.Shape;
import io.cocoon4j.verifier.experiment.HonestRunner;
import io.cocoon4j.verifier.experiment.ModelCache;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The verifier on the real tiny model: honest claims pass, wrong and malformed ones get typed verdicts. */
class VerifierTest {
    private static final int[] PROMPT = {1, 300, 301, 302, 17, 99, 250};
    private static LlamaEngine runner;
    private static LlamaEngine checker;
    private static Verifier verifier;
    private static Hash32 model;

    @BeforeAll
    static void open() {
        ModelCache.Model m = TestModels.CACHE.get(ModelSpec.of(ModelShape.TINY));
        model = m.sha256();
        runner = LlamaEngine.open(m.path(), new Shape(1, 512, 512).options(256));
        checker = LlamaEngine.open(m.path(), new Shape(1, 16, 8).options(256));
        verifier = new Verifier(checker, model, Tolerances.TINY);
    }

    @AfterAll
    static void close() {
        runner.close();
        checker.close();
    }

    private static JobInput input() {
        return new JobInput(Hash32.fromHex("ab".repeat(32)), PROMPT);
    }

    private static JobSpec job(SamplingSpec sampling, int maxTokens) {
        return job(sampling, maxTokens, 256, runner.engineId());
    }

    private static JobSpec job(SamplingSpec sampling, int maxTokens, int contextLength, EngineId engine) {
        return new JobSpec(Hash32.fromHex("01".repeat(32)), model, engine, contextLength, input().commitment(), sampling,
            maxTokens);
    }

    private static ResultClaim honest(JobSpec job) {
        return ResultClaim.of(job, HonestRunner.run(runner, job, PROMPT).tokens());
    }

    @Test
    void honestGreedyAndSampledClaimsAreAccepted() {
        for (SamplingSpec spec : new SamplingSpec[] {new SamplingSpec.Greedy(),
            new SamplingSpec.Sampled(700, 50, 900_000, 20_000, 99)}) {
            JobSpec job = job(spec, 70);
            Verdict verdict = verifier.verify(job, honest(job), input());
            assertThat(verdict).as(spec.toString()).isInstanceOf(Verdict.Accepted.class);
            assertThat(((Verdict.Accepted) verdict).tokensChecked()).isEqualTo(honest(job).tokenCount());
            assertThat(((Verdict.Accepted) verdict).marginHits()).isZero();
        }
    }

    @Test
    void aChangedTokenIsRejectedWithChallengeReadyEvidence() {
        JobSpec job = job(new SamplingSpec.Greedy(), 70);
        int[] tokens = honest(job).outputTokens();
        int position = 40;
        tokens[position] = (tokens[position] + 100) % runner.vocabSize();
        ResultClaim lie = ResultClaim.of(job, tokens);
        Verdict.Rejected r = (Verdict.Rejected) verifier.verify(job, lie, input());
        assertThat(r.reason()).isEqualTo(Verdict.Reason.TOKEN_OUTSIDE_TOLERANCE);
        assertThat(r.position()).isEqualTo(position);
        assertThat(r.chunk()).isEqualTo(1);
        assertThat(r.evidence().claimedToken()).isEqualTo(tokens[position]);
        assertThat(r.evidence().gap()).isGreaterThan(Tolerances.TINY.tau());
        assertThat(r.evidence().gap()).isEqualTo((double) r.evidence().maxLogit() - r.evidence().claimedLogit());
        // The evidence is the engine's own logits at that position, not a figure the rule made up: score the
        // prefix directly and read the row (a shorter last batch rounds differently, by ~1e-5: TOLERANCE.md).
        Scores row = checker.score(PROMPT, tokens, position, position + 1);
        assertThat(r.evidence().claimedLogit()).isCloseTo(row.claimedLogit(0), org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(r.evidence().maxLogit()).isCloseTo(row.maxLogit(0), org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(r.evidence().bestToken()).isEqualTo(row.argmax(0));
        assertThat(row.maxLogit(0) - row.claimedLogit(0)).isGreaterThan((float) Tolerances.TINY.tau());
        // The challenge can prove which committed chunk it disputes.
        assertThat(r.chunkCommitment()).isEqualTo(Chunking.commitment(job.jobId(), tokens, 1));
        assertThat(r.proof().verifies(r.chunkCommitment(), lie.chunkRoot())).isTrue();
    }

    @Test
    void aWrongTokenWithinTheToleranceIsAcceptedButFlagged() {
        JobSpec job = job(new SamplingSpec.Greedy(), 70);
        int[] tokens = honest(job).outputTokens();
        tokens[10] = (tokens[10] + 1) % runner.vocabSize();
        // A tolerance so wide that any token passes: the change cannot be proven, only flagged.
        Verifier lenient = new Verifier(checker, model, new io.cocoon4j.protocol.sampling.Tolerance(1000));
        Verdict.Accepted a = (Verdict.Accepted) lenient.verify(job, ResultClaim.of(job, tokens), input());
        assertThat(a.marginHits()).isPositive();
        assertThat(a.firstMarginHit()).isEqualTo(10);
    }

    @Test
    void aSingleChunkCanBeJudgedAlone() {
        JobSpec job = job(new SamplingSpec.Sampled(700, 50, 900_000, 20_000, 5), 70);
        int[] tokens = honest(job).outputTokens();
        assertThat(tokens.length).isGreaterThan(66);
        tokens[66] = (tokens[66] + 200) % runner.vocabSize();
        ResultClaim lie = ResultClaim.of(job, tokens);
        // Chunks 0 and 1 are honest; chunk 2 holds the change.
        assertThat(verifier.verifyChunk(job, lie, input(), 0).accepted()).isTrue();
        assertThat(verifier.verifyChunk(job, lie, input(), 1).accepted()).isTrue();
        Verdict.Rejected r = (Verdict.Rejected) verifier.verifyChunk(job, lie, input(), 2);
        assertThat(r.chunk()).isEqualTo(2);
        assertThat(r.position()).isEqualTo(66);
        assertThatThrownBy(() -> verifier.verifyChunk(job, lie, input(), 3)).isInstanceOf(VerificationException.class)
            .hasMessageContaining("chunk 3 does not exist");
    }

    @Test
    void impossibleTokenIdsAreRejectedBeforeReachingTheEngine() {
        JobSpec job = job(new SamplingSpec.Greedy(), 70);
        int[] tokens = honest(job).outputTokens();
        tokens[3] = Integer.MAX_VALUE;
        Verdict.Rejected r = (Verdict.Rejected) verifier.verify(job, ResultClaim.of(job, tokens), input());
        assertThat(r.reason()).isEqualTo(Verdict.Reason.TOKEN_OUTSIDE_VOCABULARY);
        assertThat(r.position()).isEqualTo(3);
        assertThat(r.detail()).contains("outside the vocabulary");
        assertThatThrownBy(() -> ResultClaim.of(job, new int[] {5, -1}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        // The engine is still usable afterwards.
        assertThat(verifier.verify(job, honest(job), input()).accepted()).isTrue();
    }

    @Test
    void inconsistentOrMisdirectedClaimsAreRejected() {
        JobSpec job = job(new SamplingSpec.Greedy(), 70);
        ResultClaim claim = honest(job);
        ResultClaim forged = new ResultClaim(job, claim.outputTokens(), claim.chunkRoot(), claim.chunkRoot());
        assertThat(((Verdict.Rejected) verifier.verify(job, forged, input())).reason())
            .isEqualTo(Verdict.Reason.COMMITMENT_MISMATCH);
        JobSpec other = job(new SamplingSpec.Greedy(), 71);
        assertThat(((Verdict.Rejected) verifier.verify(other, claim, input())).reason())
            .isEqualTo(Verdict.Reason.JOB_MISMATCH);
        ResultClaim empty = ResultClaim.of(job, new int[0]);
        assertThat(((Verdict.Rejected) verifier.verify(job, empty, input())).reason()).isEqualTo(Verdict.Reason.TRUNCATED);
    }

    @Test
    void aVerifierThatCannotJudgeSaysSoInsteadOfAccusing() {
        JobSpec job = job(new SamplingSpec.Greedy(), 70);
        ResultClaim claim = honest(job);
        JobSpec otherModel = new JobSpec(job.jobId(), Hash32.fromHex("cd".repeat(32)), job.engine(),
            job.contextLength(), job.inputCommitment(), job.sampling(), job.maxTokens());
        assertThatThrownBy(() -> verifier.verify(otherModel, ResultClaim.of(otherModel, claim.outputTokens()), input()))
            .isInstanceOf(VerificationException.class).hasMessageContaining("model");
        JobInput wrong = new JobInput(Hash32.fromHex("ab".repeat(32)), new int[] {1, 2, 3});
        assertThatThrownBy(() -> verifier.verify(job, claim, wrong))
            .isInstanceOf(VerificationException.class).hasMessageContaining("input commitment");
        JobInput empty = new JobInput(Hash32.fromHex("ab".repeat(32)), new int[0]);
        JobSpec emptyJob = new JobSpec(job.jobId(), model, job.engine(), job.contextLength(), empty.commitment(),
            job.sampling(), job.maxTokens());
        assertThatThrownBy(() -> verifier.verify(emptyJob, ResultClaim.of(emptyJob, claim.outputTokens()), empty))
            .isInstanceOf(VerificationException.class).hasMessageContaining("prompt is empty");
        assertThatThrownBy(() -> new JobInput(Hash32.fromHex("ab".repeat(32)), new int[] {1, -2}))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }

    @Test
    void anHonestRunWhoseJobContextFilledUpIsNotTruncatedForAVerifierWithMoreContext() {
        // The job's context (40) is far below the verifier's (256): the runner had room for 40 - 7 + 1 = 34 tokens.
        JobSpec job = job(new SamplingSpec.Greedy(), 70, 40, runner.engineId());
        ResultClaim claim = honest(job);
        assertThat(claim.tokenCount()).as("precondition: no end token before the context filled").isEqualTo(34);
        assertThat(verifier.verify(job, claim, input())).isInstanceOf(Verdict.Accepted.class);

        // One token short of the job's context is a truncation …
        int[] tokens = claim.outputTokens();
        ResultClaim short1 = ResultClaim.of(job, Arrays.copyOf(tokens, 33));
        Verdict.Rejected r = (Verdict.Rejected) verifier.verify(job, short1, input());
        assertThat(r.reason()).isEqualTo(Verdict.Reason.TRUNCATED);
        assertThat(r.position()).isEqualTo(33);
        // … and one more than it has room for was never produced by an honest run.
        int[] longer = Arrays.copyOf(tokens, 35);
        longer[34] = tokens[0];
        r = (Verdict.Rejected) verifier.verify(job, ResultClaim.of(job, longer), input());
        assertThat(r.reason()).isEqualTo(Verdict.Reason.BEYOND_CONTEXT);
        assertThat(r.position()).isEqualTo(34);
    }

    @Test
    void aCheatStoppingAtTheVerifiersContextButBelowTheJobsIsCaught() {
        JobSpec job = job(new SamplingSpec.Greedy(), 200, 256, runner.engineId());
        int[] full = honest(job).outputTokens();
        try (LlamaEngine small = LlamaEngine.open(TestModels.CACHE.get(ModelSpec.of(ModelShape.TINY)).path(),
                new Shape(1, 16, 8).options(64))) {
            assertThat(small.contextLength()).isEqualTo(64);
            Verifier smallVerifier = new Verifier(small, model, Tolerances.TINY);
            // The cheat stops exactly where a 64-token context would be full: 64 - 7 + 1 = 58 honest tokens.
            assertThat(full.length).as("precondition: the honest run goes on past 58 tokens").isGreaterThan(58);
            ResultClaim cheat = ResultClaim.of(job, Arrays.copyOf(full, 58));
            Verdict verdict = smallVerifier.verify(job, cheat, input());
            assertThat(verdict).isInstanceOf(Verdict.Rejected.class);
            Verdict.Rejected r = (Verdict.Rejected) verdict;
            assertThat(r.reason()).isEqualTo(Verdict.Reason.TRUNCATED);
            assertThat(r.position()).isEqualTo(58);
            // The whole honest claim does not fit this verifier: it says it cannot judge, it does not accuse.
            assertThatThrownBy(() -> smallVerifier.verify(job, ResultClaim.of(job, full), input()))
                .isInstanceOf(VerificationException.class).hasMessageContaining("needs a context of");
        }
    }

    @Test
    void aJobWhoseEngineThisVerifierCannotReproduceIsRefused() {
        LlamaBuild own = runner.build();
        EngineId otherLibrary = new LlamaBuild(own.build(), own.commit(), own.backend(), "000000000000").engineId(512, 512);
        EngineId otherBackend = new LlamaBuild(own.build(), own.commit(), "cuda0", own.library()).engineId(512, 512);
        for (EngineId engine : new EngineId[] {otherLibrary, otherBackend, new EngineId("llama.cpp b4916 cpu")}) {
            JobSpec job = job(new SamplingSpec.Greedy(), 70, 256, engine);
            ResultClaim claim = ResultClaim.of(job, honest(job(new SamplingSpec.Greedy(), 70)).outputTokens());
            assertThatThrownBy(() -> verifier.verify(job, claim, input())).as(engine.value())
                .isInstanceOf(VerificationException.class).hasMessageContaining("cannot reproduce");
        }
        // Another batch shape of the same build is what τ covers: the runner's id (512/512) on this 16/8 verifier.
        assertThat(checker.engineId()).isNotEqualTo(runner.engineId());
        assertThat(verifier.verify(job(new SamplingSpec.Greedy(), 70), honest(job(new SamplingSpec.Greedy(), 70)), input())
            .accepted()).isTrue();
    }

    @Test
    void nonFiniteLogitsAreAVerificationExceptionNotAnUntypedError(@TempDir Path dir) throws Exception {
        // A real model file whose output norm holds a NaN: llama.cpp then returns NaN logits everywhere.
        Path poisoned = dir.resolve("tiny-nan.gguf");
        Files.copy(TestModels.CACHE.get(ModelSpec.of(ModelShape.TINY)).path(), poisoned);
        GgufFile gguf = GgufReader.read(poisoned);
        long at = gguf.dataOffset() + gguf.tensor("output_norm.weight").orElseThrow().offset();
        try (FileChannel ch = FileChannel.open(poisoned, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, Float.NaN), at);
        }
        Hash32 poisonedSha = Hash32.fromHex(ModelFiles.sha256(poisoned));
        JobSpec good = job(new SamplingSpec.Greedy(), 70);
        int[] tokens = honest(good).outputTokens();
        try (LlamaEngine broken = LlamaEngine.open(poisoned, new Shape(1, 16, 8).options(256))) {
            Verifier v = new Verifier(broken, poisonedSha, Tolerances.TINY);
            for (SamplingSpec spec : new SamplingSpec[] {new SamplingSpec.Greedy(),
                new SamplingSpec.Sampled(700, 50, 900_000, 20_000, 99)}) {
                JobSpec job = new JobSpec(good.jobId(), poisonedSha, good.engine(), good.contextLength(),
                    good.inputCommitment(), spec, good.maxTokens());
                assertThatThrownBy(() -> v.verify(job, ResultClaim.of(job, tokens), input())).as(spec.toString())
                    .isInstanceOf(VerificationException.class).hasMessageContaining("NaN");
            }
        }
    }
}
