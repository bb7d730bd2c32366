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
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.verifier.experiment.DriftMeasurement.Shape;
import io.cocoon4j.verifier.experiment.HonestRunner;
import io.cocoon4j.verifier.experiment.ModelCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        return new JobSpec(Hash32.fromHex("01".repeat(32)), model, new EngineId(runner.engineId().value()),
            input().commitment(), sampling, maxTokens);
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
        assertThatThrownBy(() -> verifier.verifyChunk(job, lie, input(), 3)).hasMessageContaining("chunk 3 does not exist");
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
            job.inputCommitment(), job.sampling(), job.maxTokens());
        assertThatThrownBy(() -> verifier.verify(otherModel, ResultClaim.of(otherModel, claim.outputTokens()), input()))
            .isInstanceOf(VerificationException.class).hasMessageContaining("model");
        JobInput wrong = new JobInput(Hash32.fromHex("ab".repeat(32)), new int[] {1, 2, 3});
        assertThatThrownBy(() -> verifier.verify(job, claim, wrong))
            .isInstanceOf(VerificationException.class).hasMessageContaining("input commitment");
    }
}
