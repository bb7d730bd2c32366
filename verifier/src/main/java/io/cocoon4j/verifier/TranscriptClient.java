package io.cocoon4j.verifier;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.runner.job.Transcript;
import io.cocoon4j.runner.service.TranscriptJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * Fetches a job's transcript (input and output) from its runner during the challenge window, over
 * mutual RA-TLS: the verifier presents its own enclave's certificate and checks the runner's. What
 * comes back is checked against the job before use ({@link Verifier#verify} refuses an input that
 * does not match the job's commitment).
 */
public final class TranscriptClient {
    private final HttpClient http;
    private final Duration timeout;

    /**
     * @param mutualRaTls {@code RaTls.builder().identity(verifierEnclave, operator).verifyPeers(runnerPolicy, …).build()}
     * @param timeout for connecting and for the answer
     */
    public TranscriptClient(SSLContext mutualRaTls, Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
            .sslContext(Objects.requireNonNull(mutualRaTls, "mutualRaTls")).build();
    }

    /**
     * The transcript of {@code jobId} kept by the runner at {@code runner}; empty if it keeps none
     * (unknown job, output not yet generated, or past the challenge window).
     *
     * @throws TranscriptException if the runner refuses this verifier, cannot be reached or attested,
     *     or answers with something that is not that job's transcript
     */
    public Optional<Transcript> fetch(URI runner, Hash32 jobId) {
        HttpRequest request = HttpRequest.newBuilder(runner.resolve("/v1/jobs/" + jobId.hex() + "/transcript"))
            .timeout(timeout).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TranscriptException("cannot fetch the transcript of job " + jobId + " from " + runner + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TranscriptException("interrupted while fetching the transcript of job " + jobId, e);
        }
        return switch (response.statusCode()) {
            case 200 -> {
                try {
                    yield Optional.of(TranscriptJson.read(jobId, response.body()));
                } catch (IllegalArgumentException e) {
                    throw new TranscriptException("the runner sent a malformed transcript: " + e.getMessage(), e);
                }
            }
            case 404 -> Optional.empty();
            default -> throw new TranscriptException("the runner refused the transcript of job " + jobId + " (HTTP "
                + response.statusCode() + "): " + response.body());
        };
    }
}
