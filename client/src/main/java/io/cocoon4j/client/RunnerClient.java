package io.cocoon4j.client;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.enclave.ratls.RaTlsRejectedException;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.runner.service.JobInputJson;
import io.cocoon4j.runner.service.StreamEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;

/**
 * Sends a job's input to its runner over RA-TLS and reads the streamed answer. The connection is
 * refused unless the runner's certificate carries evidence that passes the attestation policy and
 * binds exactly the offer's identity key and operator: the prompt goes to that enclave or nowhere.
 */
public final class RunnerClient {
    private final AttestationPolicy policy;
    private final EvidenceVerifier evidence;
    private final Duration timeout;

    /**
     * @param policy which enclaves are acceptable at all (measurements, simulated or not)
     * @param evidence checks the runner's evidence
     * @param timeout how long to wait for the connection and between two events
     */
    public RunnerClient(AttestationPolicy policy, EvidenceVerifier evidence, Duration timeout) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.evidence = Objects.requireNonNull(evidence, "evidence");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Receives the runner's output tokens as they arrive. */
    @FunctionalInterface
    public interface TokenListener {
        /** Output token {@code index} is {@code token}. */
        void token(int index, int token);
    }

    /**
     * Sends {@code input} for job {@code jobId} and streams the answer to {@code listener}.
     *
     * @throws RunnerException if the runner refuses, fails, cannot be reached or is not the attested
     *     enclave of the offer
     */
    public RunnerReply run(RunnerOffer offer, Hash32 jobId, JobInput input, TokenListener listener) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
            .sslContext(context(offer)).build();
        URI uri = offer.endpoint().resolve("/v1/jobs/" + jobId.hex());
        HttpRequest request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JobInputJson.write(input))).build();
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        } catch (IOException e) {
            throw unreachable(offer, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("UNREACHABLE", "interrupted while connecting to " + offer.endpoint(), e);
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                String body = String.join("\n", (Iterable<String>) lines::iterator);
                throw refusal(response.statusCode(), body);
            }
            return read(lines.iterator(), jobId, listener);
        } catch (java.io.UncheckedIOException e) {
            throw new RunnerException("UNREACHABLE", "the runner's stream broke: " + e.getCause().getMessage(), e);
        }
    }

    private RunnerReply read(Iterator<String> lines, Hash32 jobId, TokenListener listener) {
        int[] tokens = new int[64];
        int n = 0;
        boolean accepted = false;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue;
            }
            StreamEvent event;
            try {
                event = StreamEvent.parse(line);
            } catch (IllegalArgumentException e) {
                throw new RunnerException("PROTOCOL", "the runner sent a malformed event: " + e.getMessage(), e);
            }
            if (event instanceof StreamEvent.Accepted a) {
                if (!a.jobId().equals(jobId)) {
                    throw new RunnerException("PROTOCOL", "the runner accepted job " + a.jobId() + ", not " + jobId);
                }
                accepted = true;
            } else if (event instanceof StreamEvent.Token t) {
                if (!accepted || t.index() != n) {
                    throw new RunnerException("PROTOCOL", "token " + t.index() + " arrived out of order (expected " + n + ")");
                }
                if (n == tokens.length) {
                    tokens = Arrays.copyOf(tokens, n * 2);
                }
                tokens[n++] = t.id();
                listener.token(t.index(), t.id());
            } else if (event instanceof StreamEvent.Committed c) {
                return new RunnerReply(Arrays.copyOf(tokens, n), c.stop(), c.commitment());
            } else if (event instanceof StreamEvent.Failed f) {
                throw new RunnerException(f.code(), "the runner failed: " + f.message());
            }
        }
        throw new RunnerException("UNREACHABLE", "the runner's stream ended after " + n + " tokens without a commitment");
    }

    private SSLContext context(RunnerOffer offer) {
        AttestationPolicy exact = policy.toBuilder().requireIdentityKey(offer.identityKey())
            .requireOperator(offer.operator()).build();
        try {
            return RaTls.builder().verifyPeers(exact, evidence).build();
        } catch (EnclaveException e) {
            throw new IllegalStateException("a client context presents no enclave identity", e);
        }
    }

    private static RunnerException unreachable(RunnerOffer offer, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RaTlsRejectedException r) {
                return new RunnerException("NOT_ATTESTED", "runner " + offer.endpoint() + " is not the attested enclave"
                    + " of its offer: " + r.getMessage(), e);
            }
        }
        return new RunnerException("UNREACHABLE", "cannot reach runner " + offer.endpoint() + ": " + e, e);
    }

    private static RunnerException refusal(int status, String body) {
        try {
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("error");
            return new RunnerException(n.path("code").asText("HTTP_" + status),
                "the runner refused the job (HTTP " + status + "): " + n.path("message").asText(body));
        } catch (IOException e) {
            return new RunnerException("HTTP_" + status, "the runner refused the job (HTTP " + status + "): " + body);
        }
    }
}
