package io.cocoon4j.verifier;

import io.cocoon4j.protocol.Chunking;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.merkle.MerkleTree;
import io.cocoon4j.protocol.sampling.DrawSource;
import io.cocoon4j.protocol.sampling.Sampler;
import io.cocoon4j.protocol.sampling.SplitMix64Draws;
import io.cocoon4j.protocol.sampling.TokenCheck;
import io.cocoon4j.protocol.sampling.Tolerance;
import io.cocoon4j.runner.engine.EngineException;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.Scores;
import java.util.Objects;

/**
 * Re-checks a result claim by teacher forcing: prompt and claimed tokens go through the verifier's
 * own copy of the model in one batched pass ({@link LlamaEngine#score}), which yields the logits of
 * every output position at once, and each claimed token is judged against them by the
 * {@link Tolerance} rule (greedy: within τ of the maximum; sampled: the public draw replayed with
 * the same margin).
 *
 * <p>Order of checks, cheapest first; the first failure decides the verdict:
 * <ol>
 *   <li>this verifier can judge the job at all: same model, an engine that {@linkplain LlamaEngine#reproduces
 *       reproduces} the job's engine id, the input that matches the commitment (else {@link VerificationException});</li>
 *   <li>the claim is for this job, and its chunk root and result hash are those of its tokens;</li>
 *   <li>at most {@code maxTokens} tokens and no more than the job's context has room for
 *       ({@link JobSpec#contextRoom}), every id inside the vocabulary, no token after an
 *       end-of-generation token (all without touching the engine, so no bad id reaches native code);</li>
 *   <li>teacher forcing: every token within the tolerance;</li>
 *   <li>fewer than {@code maxTokens} tokens only if the last is end-of-generation or the <em>job's</em>
 *       context is full (this verifier's own context length plays no part in the verdict).</li>
 * </ol>
 * The engine's batch shape and thread count may differ from the runner's: that is what τ absorbs.
 * Every failure is a {@link Verdict} or a {@link VerificationException}, never another exception.
 */
public final class Verifier {
    private final LlamaEngine engine;
    private final Hash32 modelSha256;
    private final Tolerance tolerance;

    /**
     * @param engine the verifier's engine, loaded with the model the jobs name
     * @param modelSha256 SHA-256 of the file {@code engine} loaded
     * @param tolerance τ for this model (see verifier/TOLERANCE.md)
     */
    public Verifier(LlamaEngine engine, Hash32 modelSha256, Tolerance tolerance) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.modelSha256 = Objects.requireNonNull(modelSha256, "modelSha256");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /**
     * Judges {@code claim} for {@code job}.
     *
     * @param input the job's prompt and salt, which must match {@code job.inputCommitment()}
     * @throws VerificationException if this verifier cannot judge the job (another model, an engine
     *     id it cannot reproduce, an input that does not match the commitment, an engine context too
     *     small for the claim, an engine failure or non-finite logits)
     */
    public Verdict verify(JobSpec job, ResultClaim claim, JobInput input) {
        return check(job, claim, input, 0, claim.tokenCount());
    }

    /**
     * Judges one chunk of {@code claim}: what an audit sampling chunks or a juror re-checking a
     * disputed chunk does. The whole claim's structure and commitments are still checked (cheap);
     * teacher forcing feeds the prompt and every claimed token up to the chunk's end but keeps and
     * judges only the chunk's rows. The truncation rule applies when the chunk is the last one.
     *
     * @throws VerificationException if the claim has no chunk {@code chunk}, and as for {@link #verify}
     */
    public Verdict verifyChunk(JobSpec job, ResultClaim claim, JobInput input, int chunk) {
        int chunks = Chunking.chunkCount(claim.tokenCount());
        if (chunk < 0 || chunk >= chunks) {
            throw new VerificationException("chunk " + chunk + " does not exist; the claim has " + chunks);
        }
        int from = chunk * Chunking.CHUNK_SIZE;
        return check(job, claim, input, from, Math.min(from + Chunking.CHUNK_SIZE, claim.tokenCount()));
    }

    private Verdict check(JobSpec job, ResultClaim claim, JobInput input, int from, int to) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(input, "input");
        if (!job.modelSha256().equals(modelSha256)) {
            throw new VerificationException("the job names model " + job.modelSha256() + " but this verifier runs "
                + modelSha256);
        }
        if (!engine.reproduces(job.engine())) {
            throw new VerificationException("the job names engine " + job.engine() + ", which this verifier's engine "
                + engine.engineId() + " cannot reproduce (another llama.cpp build, backend or library)");
        }
        if (!input.commitment().equals(job.inputCommitment())) {
            throw new VerificationException("the prompt and salt given do not match the job's input commitment");
        }
        if (input.promptTokens().length == 0) {
            // Nothing to condition the first token on: no engine generates or scores from an empty prompt.
            throw new VerificationException("the job's prompt is empty; no output can be checked against it");
        }
        if (!claim.job().equals(job)) {
            return whole(Verdict.Reason.JOB_MISMATCH, "the claim names another job: " + claim.job());
        }
        if (!claim.commitmentsMatch()) {
            return whole(Verdict.Reason.COMMITMENT_MISMATCH,
                "the claimed chunk root or result hash is not that of the claimed tokens");
        }
        int[] tokens = claim.outputTokens();
        int[] prompt = input.promptTokens();
        Verdict structural = checkStructure(job, claim, tokens, prompt.length);
        if (structural != null) {
            return structural;
        }
        Scores scores = score(prompt, tokens, from, to);
        SamplingSpec spec = job.sampling();
        DrawSource draws = spec instanceof SamplingSpec.Sampled s ? new SplitMix64Draws(s.seed()) : position -> 0.0;
        double largestGap = 0;
        int marginHits = 0;
        int firstMarginHit = -1;
        for (int i = from; i < to; i++) {
            float[] row = scores.row(i - from);
            requireFinite(row, i);
            TokenCheck check = tolerance.check(row, spec, draws, i, tokens[i]);
            if (check instanceof TokenCheck.Fail fail) {
                return at(claim, Verdict.Reason.TOKEN_OUTSIDE_TOLERANCE, i, fail, fail.reason());
            }
            boolean exact;
            if (spec instanceof SamplingSpec.Sampled s) {
                exact = Sampler.sample(row, s, check.evidence().draw()) == tokens[i];
            } else {
                largestGap = Math.max(largestGap, check.evidence().gap());
                exact = check.evidence().gap() == 0;
            }
            if (!exact) {
                marginHits++;
                firstMarginHit = firstMarginHit < 0 ? i : firstMarginHit;
            }
        }
        int n = tokens.length;
        boolean ended = n > 0 && engine.isEndOfGeneration(tokens[n - 1]);
        // The job's context decides where an honest run must stop, never this verifier's own.
        boolean contextFull = n >= job.contextRoom(prompt.length);
        if (to == n && n < job.maxTokens() && !ended && !contextFull) {
            return at(claim, Verdict.Reason.TRUNCATED, n, null, n + " of at most " + job.maxTokens()
                + " tokens, the job's context of " + job.contextLength() + " has room for "
                + job.contextRoom(prompt.length) + ", and the last is not an end-of-generation token");
        }
        return new Verdict.Accepted(to - from, largestGap, scores.nanos(), marginHits, firstMarginHit);
    }

    private Verdict checkStructure(JobSpec job, ResultClaim claim, int[] tokens, int promptLength) {
        if (tokens.length > job.maxTokens()) {
            return at(claim, Verdict.Reason.TOO_MANY_TOKENS, job.maxTokens(), null,
                tokens.length + " tokens claimed, the job allows " + job.maxTokens());
        }
        int room = job.contextRoom(promptLength);
        if (tokens.length > room) {
            return at(claim, Verdict.Reason.BEYOND_CONTEXT, room, null, tokens.length + " tokens claimed after a prompt of "
                + promptLength + ", the job's context of " + job.contextLength() + " has room for " + room);
        }
        int vocab = engine.vocabSize();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] >= vocab) {
                return at(claim, Verdict.Reason.TOKEN_OUTSIDE_VOCABULARY, i, null,
                    "token id " + tokens[i] + " is outside the vocabulary (0.." + (vocab - 1) + ")");
            }
        }
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (engine.isEndOfGeneration(tokens[i])) {
                return at(claim, Verdict.Reason.CONTINUED_AFTER_END, i + 1, null,
                    "token " + i + " (" + tokens[i] + ") ends generation, yet " + (tokens.length - i - 1) + " more follow");
            }
        }
        return null;
    }

    private Scores score(int[] prompt, int[] tokens, int from, int to) {
        long needed = prompt.length + Math.max(0L, to - 1L);
        if (needed > engine.contextLength()) {
            throw new VerificationException("checking these tokens needs a context of " + needed
                + " tokens; this verifier's engine has " + engine.contextLength());
        }
        try {
            return engine.score(prompt, tokens, from, to);
        } catch (EngineException e) {
            throw new VerificationException("teacher-forced scoring failed: " + e.getMessage(), e);
        }
    }

    /** Logits the verifier cannot compare prove nothing about the claim: its own engine or model failed. */
    private static void requireFinite(float[] row, int position) {
        for (int t = 0; t < row.length; t++) {
            if (!Float.isFinite(row[t])) {
                throw new VerificationException("this verifier's logit of token " + t + " at output position " + position
                    + " is " + row[t] + ": its model or engine is broken, so it cannot judge the claim");
            }
        }
    }

    private static Verdict.Rejected whole(Verdict.Reason reason, String detail) {
        return new Verdict.Rejected(reason, -1, -1, null, null, null, detail);
    }

    /** A rejection at {@code position}, with the claimed chunk's commitment and proof when that chunk exists. */
    private static Verdict.Rejected at(ResultClaim claim, Verdict.Reason reason, int position, TokenCheck.Fail fail,
                                       String detail) {
        int chunk = Chunking.chunkOf(position);
        int[] tokens = claim.outputTokens();
        Hash32 leaf = null;
        io.cocoon4j.protocol.merkle.MerkleProof proof = null;
        if (chunk < Chunking.chunkCount(tokens.length)) {
            MerkleTree tree = Chunking.tree(claim.job().jobId(), tokens);
            leaf = tree.leaf(chunk);
            proof = tree.proof(chunk);
        }
        return new Verdict.Rejected(reason, position, chunk, leaf, proof, fail == null ? null : fail.evidence(), detail);
    }
}
