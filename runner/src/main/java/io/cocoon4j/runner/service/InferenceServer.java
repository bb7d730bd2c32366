package io.cocoon4j.runner.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.cocoon4j.enclave.Enclave;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.enclave.ratls.RaTlsPeer;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.engine.EngineException;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.ChainJob;
import io.cocoon4j.runner.job.ChainUnavailableException;
import io.cocoon4j.runner.job.JobLifecycle;
import io.cocoon4j.runner.job.JobRejectedException;
import io.cocoon4j.runner.job.SignedCommitment;
import io.cocoon4j.runner.job.TokenSink;
import io.cocoon4j.runner.job.Transcript;
import io.cocoon4j.runner.journal.JournalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The runner's inference service, HTTPS over RA-TLS (the runner's certificate carries its enclave
 * evidence; clients verify it before sending a prompt). Endpoints:
 * <ul>
 *   <li>{@code GET /v1/runner}: what this runner serves (model, engine id, context length, identity key);</li>
 *   <li>{@code POST /v1/jobs/{job id hex}} with {@link JobInputJson}: serves the job and streams
 *       {@link StreamEvent}s as newline-delimited JSON; refusals before anything is journaled are
 *       HTTP errors ({@code {"error":{"code":…,"message":…}}}: 400 bad body, 404 unknown job, 409 not
 *       open, 422 the job or input does not fit this runner, 503 chain unavailable);</li>
 *   <li>{@code GET /v1/jobs/{job id hex}/transcript}: the job's input and output, during its challenge
 *       window, to attested verifiers only (mutual RA-TLS and {@link TranscriptAccess}; 403 otherwise).</li>
 * </ul>
 */
public final class InferenceServer implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(InferenceServer.class.getName());
    private static final String JOBS = "/v1/jobs/";
    /** Largest request body read; a prompt of 2^20 token ids in JSON fits. */
    private static final int MAX_BODY = 16 << 20;

    private final HttpsServer server;
    private final ExecutorService executor;
    private final JobLifecycle lifecycle;
    private final Enclave enclave;
    private final TranscriptAccess access;

    private InferenceServer(HttpsServer server, ExecutorService executor, JobLifecycle lifecycle, Enclave enclave,
                            TranscriptAccess access) {
        this.server = server;
        this.executor = executor;
        this.lifecycle = lifecycle;
        this.enclave = enclave;
        this.access = access;
    }

    /**
     * Starts the service.
     *
     * @param raTls an RA-TLS context with this enclave's identity and, for transcript access, peer
     *     verification ({@code RaTls.builder().identity(enclave, operator).verifyPeers(verifierPolicy, …)})
     * @param bind address and port (0: any free port)
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static InferenceServer start(JobLifecycle lifecycle, Enclave enclave, SSLContext raTls,
                                        InetSocketAddress bind, TranscriptAccess access) {
        Objects.requireNonNull(lifecycle, "lifecycle");
        Objects.requireNonNull(enclave, "enclave");
        Objects.requireNonNull(raTls, "raTls");
        Objects.requireNonNull(access, "access");
        try {
            HttpsServer server = HttpsServer.create(bind, 0);
            server.setHttpsConfigurator(new HttpsConfigurator(raTls) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters p = getSSLContext().getDefaultSSLParameters();
                    p.setProtocols(new String[] {RaTls.PROTOCOL});
                    // Clients need not present a certificate; verifiers do, for transcripts.
                    p.setWantClientAuth(true);
                    params.setSSLParameters(p);
                }
            });
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(8, r -> {
                Thread t = new Thread(r, "inference-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            InferenceServer s = new InferenceServer(server, executor, lifecycle, enclave, access);
            server.createContext("/v1/runner", s::info);
            server.createContext(JOBS, s::jobs);
            server.start();
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
    }

    /** The base address, e.g. {@code https://127.0.0.1:41234}. */
    public URI uri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("https://" + a.getAddress().getHostAddress() + ":" + a.getPort());
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void info(HttpExchange ex) throws IOException {
        try (ex) {
            if (!"GET".equals(ex.getRequestMethod())) {
                error(ex, 405, "METHOD_NOT_ALLOWED", "use GET");
                return;
            }
            ObjectNode n = StreamEvent.Json.MAPPER.createObjectNode();
            n.put("model_sha256", lifecycle.modelSha256().hex());
            n.put("engine", lifecycle.engineId().value());
            n.put("context_length", lifecycle.contextLength());
            n.put("identity_key", HexFormat.of().formatHex(enclave.identityKey().rawPublicKey()));
            json(ex, 200, n.toString());
        }
    }

    private void jobs(HttpExchange ex) throws IOException {
        try (ex) {
            String rest = ex.getRequestURI().getPath().substring(JOBS.length());
            boolean transcript = rest.endsWith("/transcript");
            String hex = transcript ? rest.substring(0, rest.length() - "/transcript".length()) : rest;
            Hash32 jobId;
            try {
                jobId = Hash32.fromHex(hex);
            } catch (IllegalArgumentException e) {
                error(ex, 404, "UNKNOWN_PATH", "expected /v1/jobs/<64 hex digits>[/transcript]");
                return;
            }
            if (transcript) {
                transcript(ex, jobId);
            } else if ("POST".equals(ex.getRequestMethod())) {
                serve(ex, jobId);
            } else {
                error(ex, 405, "METHOD_NOT_ALLOWED", "POST the job's input");
            }
        }
    }

    private void serve(HttpExchange ex, Hash32 jobId) throws IOException {
        JobInput input;
        try {
            input = JobInputJson.read(readBody(ex.getRequestBody()));
        } catch (IllegalArgumentException e) {
            error(ex, 400, "BAD_REQUEST", e.getMessage());
            return;
        }
        StreamingSink sink = new StreamingSink(ex);
        try {
            lifecycle.serve(jobId, input, sink);
        } catch (JobRejectedException e) {
            int status = switch (e.reason()) {
                case UNKNOWN_JOB -> 404;
                case NOT_OPEN -> 409;
                default -> 422;
            };
            sink.fail(status, e.reason().name(), e.getMessage());
        } catch (ChainUnavailableException e) {
            sink.fail(503, "CHAIN_UNAVAILABLE", e.getMessage());
        } catch (EngineException | JournalException | IllegalStateException e) {
            LOG.log(Level.WARNING, "job " + jobId + " failed", e);
            sink.fail(500, "RUNNER_FAILURE", e.getMessage());
        }
    }

    private void transcript(HttpExchange ex, Hash32 jobId) throws IOException {
        Optional<RaTlsPeer> peer = ex instanceof HttpsExchange https ? RaTlsPeer.of(https.getSSLSession()) : Optional.empty();
        if (peer.isEmpty()) {
            error(ex, 403, "NOT_ATTESTED", "transcripts are for attested verifiers: connect with mutual RA-TLS");
            return;
        }
        if (!access.allows(peer.get())) {
            error(ex, 403, "NOT_A_VERIFIER", "operator " + peer.get().operator() + " may not read transcripts");
            return;
        }
        Optional<Transcript> t = lifecycle.transcript(jobId);
        if (t.isEmpty()) {
            error(ex, 404, "NO_TRANSCRIPT", "no transcript of job " + jobId + " is kept here (unknown, not yet"
                + " generated, or past its challenge window)");
            return;
        }
        json(ex, 200, TranscriptJson.write(jobId, t.get()));
    }

    /** Sends the stream's headers with the first event, so refusals before it can still be HTTP errors. */
    private static final class StreamingSink implements TokenSink {
        private final HttpExchange ex;
        private OutputStream out;

        StreamingSink(HttpExchange ex) {
            this.ex = ex;
        }

        @Override
        public void accepted(ChainJob job) {
            send(new StreamEvent.Accepted(job.spec().jobId()));
        }

        @Override
        public void token(int index, int token) {
            send(new StreamEvent.Token(index, token));
        }

        @Override
        public void committed(ResultClaim claim, StopReason stop, SignedCommitment commitment) {
            send(new StreamEvent.Committed(stop, commitment));
        }

        /** A failure: an HTTP error before the stream started, a {@code failed} event after. */
        void fail(int status, String code, String message) throws IOException {
            if (out == null) {
                error(ex, status, code, message);
            } else {
                try {
                    send(new StreamEvent.Failed(code, message));
                } catch (UncheckedIOException gone) {
                    // The client left; the job is journaled and carries on without it.
                }
            }
        }

        private void send(StreamEvent event) {
            try {
                if (out == null) {
                    ex.getResponseHeaders().set("Content-Type", "application/x-ndjson");
                    ex.sendResponseHeaders(200, 0);
                    out = ex.getResponseBody();
                }
                out.write((event.toJson() + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("the body is larger than " + MAX_BODY + " bytes");
        }
        return new String(body, StandardCharsets.UTF_8);
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        ObjectNode n = StreamEvent.Json.MAPPER.createObjectNode();
        n.putObject("error").put("code", code).put("message", message == null ? code : message);
        json(ex, status, n.toString());
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
