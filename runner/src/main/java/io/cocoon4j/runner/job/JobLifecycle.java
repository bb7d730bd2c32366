package io.cocoon4j.runner.job;

import io.cocoon4j.enclave.Enclave;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.sampling.DrawSource;
import io.cocoon4j.protocol.sampling.Sampler;
import io.cocoon4j.protocol.sampling.SplitMix64Draws;
import io.cocoon4j.runner.engine.Generation;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.engine.TokenChooser;
import io.cocoon4j.runner.journal.Intent;
import io.cocoon4j.runner.journal.IntentId;
import io.cocoon4j.runner.journal.IntentState;
import io.cocoon4j.runner.journal.Journal;
import io.cocoon4j.runner.journal.Outgoing;
import io.cocoon4j.runner.journal.SignedMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A runner's side of its jobs, from the input to the payout, crash-safe: accept on-chain, run the
 * engine in the determinism profile, commit the result signed by the enclave key, keep the
 * transcript for the challenge window, finalize.
 *
 * <p>Every step is journaled before it is relied on, and every on-chain message is journaled
 * before it is sent ({@link Journal#outgoing}); after a {@code kill -9} at any point,
 * {@link #resume()} carries each open job on from its last durable step, resending journaled
 * messages byte for byte. The input and output are journaled sealed by the enclave, so only the
 * same enclave can resume them. Jobs run one at a time on the engine (one sequence, no prompt
 * cache); calls for different jobs may come from different threads.
 */
public final class JobLifecycle {
    /** The journal's intent kind for a runner's job; the key is the job id in hex. */
    public static final String KIND = "job";

    private static final String OUTPUT = "output";
    private static final String SIGNATURE = "signature";

    private final Journal journal;
    private final JobMarket market;
    private final LlamaEngine engine;
    private final Enclave enclave;
    private final CommitmentEncoding encoding;
    private final Hash32 modelSha256;
    private final EngineId engineId;
    private final Settings settings;
    private final StepListener listener;
    private final Clock clock;
    private final ConcurrentHashMap<Hash32, ReentrantLock> locks = new ConcurrentHashMap<>();

    /**
     * How patiently the chain is followed.
     *
     * @param poll time between two looks at a sent message
     * @param landingTimeout how long one call waits for a message to land before giving up for
     *     now (the message stays journaled and is followed again on the next attempt)
     */
    public record Settings(Duration poll, Duration landingTimeout) {
        public Settings {
            Objects.requireNonNull(poll, "poll");
            Objects.requireNonNull(landingTimeout, "landingTimeout");
            if (poll.isNegative() || poll.isZero() || landingTimeout.isNegative()) {
                throw new IllegalArgumentException("poll must be positive and landingTimeout not negative");
            }
        }

        /** Poll every second, wait up to two minutes. */
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofMinutes(2));
        }
    }

    /**
     * @param journal where intents and signed messages are recorded
     * @param market the chain, as this runner's operator sees it
     * @param engine the engine, opened on the model file whose SHA-256 is {@code modelSha256}, with
     *     the context length the runner offers
     * @param enclave seals the journaled transcript and holds the identity key that signs commitments
     * @param encoding the bytes the identity key signs
     * @param modelSha256 SHA-256 of the engine's model file
     */
    public JobLifecycle(Journal journal, JobMarket market, LlamaEngine engine, Enclave enclave,
                        CommitmentEncoding encoding, Hash32 modelSha256, Settings settings, StepListener listener,
                        Clock clock) {
        this.journal = Objects.requireNonNull(journal, "journal");
        this.market = Objects.requireNonNull(market, "market");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.enclave = Objects.requireNonNull(enclave, "enclave");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.modelSha256 = Objects.requireNonNull(modelSha256, "modelSha256");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.engineId = new EngineId(engine.engineId().value());
    }

    /** The engine id this runner's results commit to. */
    public EngineId engineId() {
        return engineId;
    }

    /** SHA-256 of the model this runner serves. */
    public Hash32 modelSha256() {
        return modelSha256;
    }

    /** The context length this runner serves jobs with. */
    public int contextLength() {
        return engine.contextLength();
    }

    /**
     * Serves a job whose input a client just sent: checks the input against the job's commitment,
     * then accepts, generates (each token goes to {@code sink} as it is produced), commits, and
     * returns the committed claim. A retry for a job already journaled carries it on from where it
     * stands (tokens already produced are replayed to the sink). Finalizing happens later, in
     * {@link #finalizeDue()}.
     *
     * @throws JobRejectedException if the job or input is refused; nothing was journaled or sent
     * @throws ChainUnavailableException if the chain did not answer in time; the job stays journaled
     *     and {@link #resume()} carries it on
     */
    public ResultClaim serve(Hash32 jobId, JobInput input, TokenSink sink) {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(sink, "sink");
        ReentrantLock lock = locks.computeIfAbsent(jobId, k -> new ReentrantLock());
        lock.lock();
        try {
            IntentId id = intentId(jobId);
            ChainJob job = market.job(jobId).orElseThrow(() ->
                new JobRejectedException(JobRejectedException.Reason.UNKNOWN_JOB, "no job " + jobId + " on-chain"));
            check(job, input);
            Optional<Intent> existing = journal.intent(id);
            if (existing.isPresent()) {
                if (!existing.get().state().isOpen()) {
                    throw new JobRejectedException(JobRejectedException.Reason.NOT_OPEN,
                        "job " + jobId + " is finished here: " + existing.get().state());
                }
                if (!journaledInput(existing.get()).equals(input)) {
                    throw new JobRejectedException(JobRejectedException.Reason.INPUT_MISMATCH,
                        "job " + jobId + " is being served with another input");
                }
            } else {
                if (!(job.state() instanceof JobState.Open)) {
                    throw new JobRejectedException(JobRejectedException.Reason.NOT_OPEN,
                        "job " + jobId + " is not open: " + job.state());
                }
                journal.begin(id, seal(Transcript.encodeInput(input)));
                listener.reached(jobId, Step.INPUT_JOURNALED);
            }
            try {
                return advance(id, job, input, new DetachingSink(sink));
            } catch (JobClosedException e) {
                journal.finish(id, new IntentState.Abandoned(e.getMessage()));
                throw new JobRejectedException(JobRejectedException.Reason.NOT_OPEN, e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Carries every open job on after a restart: uncommitted jobs are accepted, generated and
     * committed (with no client attached), committed ones finalized when due.
     *
     * @return how many jobs are still open afterwards (committed and waiting for their window,
     *     challenged, or waiting for the chain)
     * @throws ChainUnavailableException if the chain did not answer in time; call again later
     */
    public int resume() {
        for (Intent intent : journal.unfinished()) {
            if (!KIND.equals(intent.id().kind())) {
                continue;
            }
            Hash32 jobId = Hash32.fromHex(intent.id().key());
            withLockIfFree(jobId, () -> {
                if (journal.hasLanded(intent.id(), "commit")) {
                    return;
                }
                Optional<ChainJob> job = market.job(jobId);
                if (job.isEmpty()) {
                    abandonUnlessSent(intent.id(), "the job is gone from the chain");
                    return;
                }
                try {
                    advance(intent.id(), job.get(), journaledInput(intent), TokenSink.NONE);
                } catch (JobClosedException e) {
                    journal.finish(intent.id(), new IntentState.Abandoned(e.getMessage()));
                }
            });
        }
        return finalizeDue();
    }

    /**
     * Finalizes every committed job whose challenge window has ended; completes jobs someone else
     * finalized, abandons jobs closed against this runner. Challenged jobs stay open.
     *
     * @return how many jobs are still open afterwards
     */
    public int finalizeDue() {
        for (Intent intent : journal.unfinished()) {
            if (!KIND.equals(intent.id().kind()) || !journal.hasLanded(intent.id(), "commit")) {
                continue;
            }
            Hash32 jobId = Hash32.fromHex(intent.id().key());
            withLockIfFree(jobId, () -> finalizeIfDue(intent.id(), jobId));
        }
        return (int) journal.unfinished().stream().filter(i -> KIND.equals(i.id().kind())).count();
    }

    /**
     * The transcript of a job still in its challenge window (or disputed): for attested verifiers
     * only, which the caller must have checked. Empty once the job is finished or before its output
     * exists.
     */
    public Optional<Transcript> transcript(Hash32 jobId) {
        IntentId id = intentId(jobId);
        Optional<Intent> intent = journal.intent(id);
        if (intent.isEmpty() || !intent.get().state().isOpen()) {
            return Optional.empty();
        }
        Optional<byte[]> output = journal.fact(id, OUTPUT);
        if (output.isEmpty()) {
            return Optional.empty();
        }
        byte[] plain = unseal(output.get());
        return Optional.of(new Transcript(journaledInput(intent.get()), Transcript.decodeOutputTokens(plain),
            Transcript.decodeStop(plain)));
    }

    /** The journal name of a job. */
    public static IntentId intentId(Hash32 jobId) {
        return new IntentId(KIND, jobId.hex());
    }

    private void check(ChainJob job, JobInput input) {
        JobSpec spec = job.spec();
        if (!spec.modelSha256().equals(modelSha256)) {
            throw new JobRejectedException(JobRejectedException.Reason.WRONG_MODEL,
                "the job names model " + spec.modelSha256() + ", this runner serves " + modelSha256);
        }
        if (!spec.engine().equals(engineId)) {
            throw new JobRejectedException(JobRejectedException.Reason.WRONG_ENGINE,
                "the job names engine " + spec.engine() + ", this runner is " + engineId);
        }
        if (job.spec().contextLength() != engine.contextLength()) {
            throw new JobRejectedException(JobRejectedException.Reason.WRONG_CONTEXT,
                "the job's context length is " + job.spec().contextLength() + ", this runner's is " + engine.contextLength());
        }
        if (!input.commitment().equals(spec.inputCommitment())) {
            throw new JobRejectedException(JobRejectedException.Reason.INPUT_MISMATCH,
                "the prompt and salt sent do not match the job's input commitment");
        }
        int[] prompt = input.promptTokens();
        if (prompt.length == 0 || prompt.length > engine.contextLength()) {
            throw new JobRejectedException(JobRejectedException.Reason.BAD_PROMPT, "a prompt of " + prompt.length
                + " tokens; this runner takes 1 to " + engine.contextLength());
        }
        int vocab = engine.vocabSize();
        for (int i = 0; i < prompt.length; i++) {
            if (prompt[i] >= vocab) {
                throw new JobRejectedException(JobRejectedException.Reason.BAD_PROMPT,
                    "prompt token " + i + " is " + prompt[i] + ", outside the vocabulary (0.." + (vocab - 1) + ")");
            }
        }
    }

    private ResultClaim advance(IntentId id, ChainJob job, JobInput input, TokenSink sink) {
        Hash32 jobId = job.spec().jobId();
        land(id, new ChainAction.Accept(jobId), Step.ACCEPT_SIGNED, Step.ACCEPT_SENT, Step.ACCEPTED,
            () -> isOpen(jobId));
        requireState(jobId, "accept", s -> !(s instanceof JobState.Open) && !(s instanceof JobState.Closed));
        sink.accepted(job);

        int[] tokens;
        StopReason stop;
        Optional<byte[]> journaled = journal.fact(id, OUTPUT);
        if (journaled.isPresent()) {
            byte[] plain = unseal(journaled.get());
            tokens = Transcript.decodeOutputTokens(plain);
            stop = Transcript.decodeStop(plain);
            for (int i = 0; i < tokens.length; i++) {
                sink.token(i, tokens[i]);
            }
        } else {
            Generation g = engine.generate(input.promptTokens(), job.spec().maxTokens(),
                streaming(job.spec().sampling(), sink));
            tokens = g.tokens();
            stop = g.stop();
            journal.record(id, OUTPUT, seal(Transcript.encodeOutput(tokens, stop)));
            listener.reached(jobId, Step.OUTPUT_JOURNALED);
        }

        ResultClaim claim = ResultClaim.of(job.spec(), tokens);
        ResultCommitment commitment = ResultCommitment.of(claim);
        byte[] signature = journal.fact(id, SIGNATURE).orElse(null);
        if (signature == null) {
            signature = enclave.identityKey().sign(encoding.signedBytes(commitment));
            journal.record(id, SIGNATURE, signature);
        }
        SignedCommitment signed = new SignedCommitment(commitment, signature);
        land(id, new ChainAction.Commit(jobId, signed), Step.COMMIT_SIGNED, Step.COMMIT_SENT, Step.COMMITTED,
            () -> market.job(jobId).map(j -> j.state() instanceof JobState.Accepted).orElse(false));
        requireState(jobId, "commit", s -> !(s instanceof JobState.Accepted) && !(s instanceof JobState.Closed));
        sink.committed(claim, stop, signed);
        return claim;
    }

    private void finalizeIfDue(IntentId id, Hash32 jobId) {
        Optional<ChainJob> job = market.job(jobId);
        if (job.isEmpty()) {
            return;
        }
        JobState state = job.get().state();
        if (state instanceof JobState.Finalized) {
            complete(id, jobId);
            return;
        }
        if (state instanceof JobState.Closed closed) {
            journal.finish(id, new IntentState.Abandoned(closed.why()));
            return;
        }
        boolean due = state instanceof JobState.Committed c && !clock.instant().isBefore(c.challengeWindowEnds());
        boolean inFlight = journal.lastAttempt(id, "finalize").map(o -> o.fate() == Outgoing.Fate.SIGNED).orElse(false);
        if (!due && !inFlight) {
            // The window is open, or the job is challenged: the transcript stays for the verifiers.
            return;
        }
        if (!journal.hasLanded(id, "finalize")) {
            try {
                land(id, new ChainAction.Finalize(jobId), Step.FINALIZE_SIGNED, Step.FINALIZE_SENT, null,
                    () -> market.job(jobId).map(j -> j.state() instanceof JobState.Committed).orElse(false));
            } catch (JobClosedException e) {
                return; // finalized by someone else or closed meanwhile: the state decides next round
            }
        }
        if (market.job(jobId).map(j -> j.state() instanceof JobState.Finalized).orElse(false)) {
            complete(id, jobId);
        }
    }

    private void complete(IntentId id, Hash32 jobId) {
        String tokens = journal.fact(id, OUTPUT).map(o -> Transcript.decodeOutputTokens(unseal(o)).length + " tokens")
            .orElse("output erased");
        journal.finish(id, new IntentState.Completed("finalized: " + tokens));
        listener.reached(jobId, Step.FINALIZED);
    }

    /** After an action landed, the job must show its effect; otherwise the contract refused it (bounced). */
    private void requireState(Hash32 jobId, String action, java.util.function.Predicate<JobState> effect) {
        JobState state = market.job(jobId).map(ChainJob::state).orElse(new JobState.Closed("the job is gone"));
        if (!effect.test(state)) {
            throw new JobClosedException("the " + action + " of job " + jobId + " landed but the job refused it: " + state);
        }
    }

    private boolean isOpen(Hash32 jobId) {
        return market.job(jobId).map(j -> j.state() instanceof JobState.Open).orElse(false);
    }

    /**
     * Gets {@code action} on-chain exactly once: the journaled message if there is a live one
     * (resent as the same bytes), a newly signed and journaled one otherwise, then follows it until
     * it lands or expires (and then signs anew, if {@code possible} still holds).
     */
    private void land(IntentId id, ChainAction action, Step signedStep, Step sentStep, Step landedStep,
                      BooleanSupplier possible) {
        Hash32 jobId = action.jobId();
        Instant deadline = clock.instant().plus(settings.landingTimeout());
        while (true) {
            Optional<Outgoing> last = journal.lastAttempt(id, action.name());
            if (last.isPresent() && last.get().fate() == Outgoing.Fate.LANDED) {
                return;
            }
            if ((last.isEmpty() || last.get().fate() == Outgoing.Fate.EXPIRED) && !possible.getAsBoolean()) {
                throw new JobClosedException("job " + jobId + " no longer allows " + action.name());
            }
            SignedMessage message = journal.outgoing(id, action.name(), () -> market.sign(action));
            report(jobId, signedStep);
            MessageFate fate = market.fate(message);
            if (fate == MessageFate.PENDING) {
                market.send(message);
                report(jobId, sentStep);
                fate = follow(message, deadline, action);
            }
            if (fate == MessageFate.LANDED) {
                journal.landed(id, action.name());
                report(jobId, landedStep);
                return;
            }
            journal.expired(id, action.name());
        }
    }

    private MessageFate follow(SignedMessage message, Instant deadline, ChainAction action) {
        while (true) {
            MessageFate fate = market.fate(message);
            if (fate != MessageFate.PENDING) {
                return fate;
            }
            if (clock.instant().isAfter(deadline)) {
                throw new ChainUnavailableException("the " + action.name() + " of job " + action.jobId()
                    + " did not land within " + settings.landingTimeout() + "; it stays journaled and is resent later");
            }
            try {
                Thread.sleep(settings.poll().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChainUnavailableException("interrupted while waiting for the " + action.name() + " of job "
                    + action.jobId(), e);
            }
        }
    }

    private void report(Hash32 jobId, Step step) {
        if (step != null) {
            listener.reached(jobId, step);
        }
    }

    /** An intent whose input was journaled but nothing sent can simply be dropped; otherwise it waits. */
    private void abandonUnlessSent(IntentId id, String why) {
        if (journal.attempts(id).isEmpty()) {
            journal.finish(id, new IntentState.Abandoned(why));
        }
    }

    private void withLockIfFree(Hash32 jobId, Runnable work) {
        ReentrantLock lock = locks.computeIfAbsent(jobId, k -> new ReentrantLock());
        if (!lock.tryLock()) {
            return;
        }
        try {
            work.run();
        } finally {
            lock.unlock();
        }
    }

    private TokenChooser streaming(SamplingSpec sampling, TokenSink sink) {
        DrawSource draws = sampling instanceof SamplingSpec.Sampled s ? new SplitMix64Draws(s.seed()) : position -> 0.0;
        return (position, logits) -> {
            int token = Sampler.choose(logits, sampling, draws, position);
            sink.token(position, token);
            return token;
        };
    }

    private JobInput journaledInput(Intent intent) {
        return Transcript.decodeInput(unseal(intent.details()));
    }

    private byte[] seal(byte[] plain) {
        try {
            return enclave.seal(plain);
        } catch (EnclaveException e) {
            throw new IllegalStateException("the enclave cannot seal the journaled transcript: " + e.getMessage(), e);
        }
    }

    private byte[] unseal(byte[] sealed) {
        try {
            return enclave.unseal(sealed);
        } catch (EnclaveException e) {
            throw new IllegalStateException("the journal holds a transcript this enclave cannot open (another enclave's"
                + " journal?): " + e.getMessage(), e);
        }
    }

    /** The job no longer allows the action (closed, taken, finalized by someone else). */
    static final class JobClosedException extends RuntimeException {
        JobClosedException(String message) {
            super(message);
        }
    }

    /** Forwards to a client's sink until it fails once; the job goes on without it. */
    private static final class DetachingSink implements TokenSink {
        private final TokenSink target;
        private volatile boolean attached = true;

        DetachingSink(TokenSink target) {
            this.target = target;
        }

        private void safely(Runnable r) {
            if (attached) {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    attached = false;
                }
            }
        }

        @Override
        public void accepted(ChainJob job) {
            safely(() -> target.accepted(job));
        }

        @Override
        public void token(int index, int token) {
            safely(() -> target.token(index, token));
        }

        @Override
        public void committed(ResultClaim claim, StopReason stop, SignedCommitment commitment) {
            safely(() -> target.committed(claim, stop, commitment));
        }
    }

    @Override
    public String toString() {
        return "JobLifecycle[model=" + modelSha256 + ", engine=" + engineId + ", journal=" + journal.file() + "]";
    }
}
