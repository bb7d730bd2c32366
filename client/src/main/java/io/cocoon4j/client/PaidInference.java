package io.cocoon4j.client;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.job.CommitmentEncoding;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.SignedCommitment;
import io.cocoon4j.verifier.Verdict;
import io.cocoon4j.verifier.VerificationException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Paid, verified inference for a client: for each request it tokenizes the prompt, commits to it
 * with a fresh salt, picks the cheapest runner serving the model, creates and pays the job, sends
 * the prompt to that runner over RA-TLS, streams the answer as text, and returns it only once the
 * answer matches the runner's enclave-signed commitment on-chain (and, with a local verifier,
 * passes a teacher-forced re-check).
 */
public final class PaidInference {
    /** Output tokens paid for when a request does not say. */
    public static final int DEFAULT_MAX_TOKENS = 256;

    private final ClientMarket market;
    private final RunnerClient runners;
    private final CommitmentEncoding encoding;
    private final Map<String, LocalModel> models = new LinkedHashMap<>();
    private final Duration commitmentTimeout;
    private final SecureRandom random = new SecureRandom();

    /** Receives the answer's text as it arrives. */
    @FunctionalInterface
    public interface TextListener {
        /** The next piece of the answer (never splits a character). */
        void text(String delta);

        /** Called once the job is created, before the runner is contacted. */
        default void jobCreated(JobSpec job) {}
    }

    /**
     * @param market the chain side (offers, job creation, commitments)
     * @param runners talks to runners over RA-TLS
     * @param encoding what a runner's enclave key signs (the same as the runners')
     * @param models the models this client can tokenize (and maybe verify) for
     * @param commitmentTimeout how long to wait for the commitment to appear on-chain
     */
    public PaidInference(ClientMarket market, RunnerClient runners, CommitmentEncoding encoding,
                         List<LocalModel> models, Duration commitmentTimeout) {
        this.market = Objects.requireNonNull(market, "market");
        this.runners = Objects.requireNonNull(runners, "runners");
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.commitmentTimeout = Objects.requireNonNull(commitmentTimeout, "commitmentTimeout");
        for (LocalModel m : models) {
            if (this.models.putIfAbsent(m.name(), m) != null) {
                throw new IllegalArgumentException("two models are named " + m.name());
            }
        }
    }

    /** The models by name, in the order given. */
    public List<LocalModel> models() {
        return List.copyOf(models.values());
    }

    /** The model named {@code name}. */
    public Optional<LocalModel> model(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** How many tokens {@code text} is for {@code model} (BOS included, as jobs count it). */
    public int countTokens(LocalModel model, String text) {
        return model.engine().tokenize(text, true).length;
    }

    /**
     * Runs one paid completion, streaming its text to {@code listener}.
     *
     * @throws RequestException if the request cannot be served as asked (nothing was paid)
     * @throws RunnerException if the runner refused or failed (the job is paid; the chain refunds it
     *     after its deadline)
     * @throws ResultRejectedException if the answer does not match the on-chain commitment or fails
     *     local verification
     * @throws io.cocoon4j.runner.job.ChainUnavailableException if the chain could not be used
     */
    public Completion complete(CompletionRequest request, TextListener listener) {
        LocalModel model = model(request.model()).orElseThrow(() -> new RequestException(RequestException.Kind.UNKNOWN_MODEL,
            "model", "The model '" + request.model() + "' does not exist here; GET /v1/models lists the models served"));
        int[] prompt = model.engine().tokenize(request.prompt(), true);
        List<RunnerOffer> offers = market.offers(model.sha256());
        if (offers.isEmpty()) {
            throw new RequestException(RequestException.Kind.NO_RUNNER, "model",
                "no runner serves model '" + model.name() + "' right now; try again later");
        }
        RunnerOffer offer = offers.get(0);
        int room = offer.contextLength() - prompt.length + 1;
        if (room < 1) {
            throw new RequestException(RequestException.Kind.INVALID, "messages", "This model's maximum context length is "
                + offer.contextLength() + " tokens, but the prompt has " + prompt.length + " tokens");
        }
        int maxTokens;
        if (request.maxTokens().isPresent()) {
            maxTokens = request.maxTokens().getAsInt();
            if (maxTokens > room) {
                throw new RequestException(RequestException.Kind.INVALID, "max_tokens", "This model's maximum context length"
                    + " is " + offer.contextLength() + " tokens; the prompt has " + prompt.length + " tokens, which leaves"
                    + " room for " + room + " output tokens, but " + maxTokens + " were requested");
            }
        } else {
            maxTokens = Math.min(room, DEFAULT_MAX_TOKENS);
        }

        byte[] salt = new byte[32];
        random.nextBytes(salt);
        JobInput input = new JobInput(Hash32.of(salt), prompt);
        JobSpec job = market.createJob(new JobOrder(offer, input.commitment(), request.sampling(), maxTokens));
        listener.jobCreated(job);

        Utf8Decoder utf8 = new Utf8Decoder();
        StringBuilder text = new StringBuilder();
        RunnerReply reply = runners.run(offer, job.jobId(), input, (index, token) -> {
            String delta = utf8.add(model.engine().detokenizeBytes(new int[] {token}));
            if (!delta.isEmpty()) {
                text.append(delta);
                listener.text(delta);
            }
        });
        String rest = utf8.finish();
        if (!rest.isEmpty()) {
            text.append(rest);
            listener.text(rest);
        }

        int[] tokens = reply.tokens();
        ResultClaim claim = ResultClaim.of(job, tokens);
        ResultCommitment expected = ResultCommitment.of(claim);
        if (!reply.commitment().commitment().equals(expected)) {
            throw new ResultRejectedException("the runner's commitment " + reply.commitment().commitment()
                + " is not that of the tokens it sent (" + expected + ")");
        }
        if (!reply.commitment().signedBy(offer.identityKey(), encoding)) {
            throw new ResultRejectedException("the commitment is not signed by the runner's attested enclave key");
        }
        SignedCommitment onChain = awaitCommitment(job.jobId());
        if (!onChain.equals(reply.commitment())) {
            throw new ResultRejectedException("the commitment on-chain " + onChain.commitment()
                + " differs from the one the runner streamed");
        }
        Verification verification = Verification.NOT_CHECKED;
        if (model.verifier().isPresent()) {
            Verdict verdict;
            try {
                verdict = model.verifier().get().verify(job, claim, input);
            } catch (VerificationException e) {
                throw new ResultRejectedException("the answer could not be verified locally: " + e.getMessage());
            }
            if (!verdict.accepted()) {
                throw new ResultRejectedException("local verification rejected the answer: " + verdict);
            }
            verification = Verification.VERIFIED;
        }
        long cost = Math.multiplyExact((long) tokens.length, offer.pricePerToken());
        return new Completion(job, text.toString(), tokens, prompt.length, reply.stop(), cost, onChain, verification);
    }

    private SignedCommitment awaitCommitment(Hash32 jobId) {
        long deadline = System.nanoTime() + commitmentTimeout.toNanos();
        while (true) {
            Optional<SignedCommitment> c = market.commitment(jobId);
            if (c.isPresent()) {
                return c.get();
            }
            if (System.nanoTime() > deadline) {
                throw new ResultRejectedException("no commitment for job " + jobId + " appeared on-chain within "
                    + commitmentTimeout);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ResultRejectedException("interrupted while waiting for the commitment of job " + jobId);
            }
        }
    }

    @Override
    public String toString() {
        return "PaidInference" + Arrays.toString(models.keySet().toArray());
    }
}
