package io.cocoon4j.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.runner.engine.EngineException;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.ChainUnavailableException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An OpenAI-compatible HTTP API that pays for every request through a job ({@link PaidInference}),
 * so existing OpenAI clients work unchanged against {@code http://host:port/v1}:
 * <ul>
 *   <li>{@code GET /v1/models};</li>
 *   <li>{@code POST /v1/chat/completions} and {@code POST /v1/completions}, plain or streamed as
 *       server-sent events ({@code "stream": true}, with {@code stream_options.include_usage});</li>
 *   <li>{@code usage} has the token counts and the cost ({@code cost_ton}, {@code cost_nanoton}: what
 *       the job pays the runner); {@code cocoon} names the job, its result hash and its verification.</li>
 * </ul>
 * Errors use OpenAI's format {@code {"error":{"message","type","param","code"}}}: 400 for malformed
 * requests, 404 for unknown models, 502 when the runner or its answer fails, 503 when no runner or
 * the chain is available. A client that disconnects mid-stream loses only its stream: the job,
 * already paid, is still seen through to its commitment.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 8 << 20;
    private static final BigDecimal NANOTON_PER_TON = BigDecimal.valueOf(1_000_000_000L);

    private final HttpServer server;
    private final ExecutorService executor;
    private final PaidInference inference;

    private Gateway(HttpServer server, ExecutorService executor, PaidInference inference) {
        this.server = server;
        this.executor = executor;
        this.inference = inference;
    }

    /**
     * Starts the gateway.
     *
     * @param bind address and port (port 0: any free port)
     * @throws UncheckedIOException if the port cannot be bound
     */
    public static Gateway start(PaidInference inference, InetSocketAddress bind) {
        Objects.requireNonNull(inference, "inference");
        try {
            HttpServer server = HttpServer.create(bind, 0);
            AtomicInteger n = new AtomicInteger();
            ExecutorService executor = Executors.newFixedThreadPool(16, r -> {
                Thread t = new Thread(r, "gateway-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(executor);
            Gateway g = new Gateway(server, executor, inference);
            server.createContext("/", g::handle);
            server.start();
            return g;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + bind + ": " + e.getMessage(), e);
        }
    }

    /** The API's base address, e.g. {@code http://127.0.0.1:10000/v1}. */
    public URI baseUri() {
        InetSocketAddress a = server.getAddress();
        return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + "/v1");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange ex) {
        try (ex) {
            try {
                route(ex);
            } catch (IOException e) {
                LOG.fine("a client went away: " + e);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "gateway request failed", e);
                try {
                    error(ex, 500, "api_error", null, "internal_error", "the gateway failed: " + e);
                } catch (IOException | RuntimeException alreadyAnswering) {
                    // Headers were sent already; closing the exchange ends the response.
                }
            }
        }
    }

    private void route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (path) {
            case "/v1/models" -> {
                if (!method.equals("GET")) {
                    error(ex, 405, "invalid_request_error", null, "method_not_allowed", "use GET on " + path);
                } else {
                    models(ex);
                }
            }
            case "/v1/chat/completions", "/v1/completions" -> {
                if (!method.equals("POST")) {
                    error(ex, 405, "invalid_request_error", null, "method_not_allowed", "use POST on " + path);
                } else {
                    complete(ex, path.equals("/v1/chat/completions"));
                }
            }
            default -> error(ex, 404, "invalid_request_error", null, "unknown_url",
                "Unknown request URL: " + method + " " + path);
        }
    }

    private void models(HttpExchange ex) throws IOException {
        ObjectNode list = JSON.createObjectNode().put("object", "list");
        ArrayNode data = list.putArray("data");
        for (LocalModel m : inference.models()) {
            data.addObject().put("id", m.name()).put("object", "model").put("created", 0).put("owned_by", "cocoon4j")
                .put("sha256", m.sha256().hex());
        }
        json(ex, 200, list);
    }

    private void complete(HttpExchange ex, boolean chat) throws IOException {
        OpenAiRequests.Parsed parsed;
        try {
            byte[] bytes = ex.getRequestBody().readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new RequestException(RequestException.Kind.INVALID, null, "the body is larger than " + MAX_BODY + " bytes");
            }
            JsonNode body;
            try {
                body = JSON.readTree(bytes);
            } catch (JsonProcessingException e) {
                throw new RequestException(RequestException.Kind.INVALID, null,
                    "We could not parse the JSON body of your request: " + e.getOriginalMessage());
            }
            parsed = chat ? OpenAiRequests.chat(body) : OpenAiRequests.completion(body);
        } catch (RequestException e) {
            requestError(ex, e);
            return;
        }
        Reply reply = new Reply(ex, chat, parsed);
        try {
            Completion c = inference.complete(parsed.request(), reply);
            reply.finish(c);
        } catch (RequestException e) {
            reply.fail(e.kind() == RequestException.Kind.UNKNOWN_MODEL ? 404 : e.kind() == RequestException.Kind.NO_RUNNER ? 503 : 400,
                e.kind() == RequestException.Kind.NO_RUNNER ? "api_error" : "invalid_request_error", e.param(),
                e.kind() == RequestException.Kind.UNKNOWN_MODEL ? "model_not_found" : e.kind().name().toLowerCase(), e.getMessage());
        } catch (RunnerException e) {
            reply.fail(502, "api_error", null, "runner_" + e.code().toLowerCase(), e.getMessage());
        } catch (ResultRejectedException e) {
            reply.fail(502, "api_error", null, "result_rejected", e.getMessage());
        } catch (ChainUnavailableException e) {
            reply.fail(503, "api_error", null, "chain_unavailable", e.getMessage());
        } catch (EngineException e) {
            reply.fail(500, "api_error", null, "engine_error", e.getMessage());
        }
    }

    /** One response: a JSON body at the end, or server-sent events from the moment the job exists. */
    private static final class Reply implements PaidInference.TextListener {
        private final HttpExchange ex;
        private final boolean chat;
        private final OpenAiRequests.Parsed parsed;
        private final long created = Instant.now().getEpochSecond();
        private String id = "pending";
        private OutputStream events;
        private boolean clientGone;

        Reply(HttpExchange ex, boolean chat, OpenAiRequests.Parsed parsed) {
            this.ex = ex;
            this.chat = chat;
            this.parsed = parsed;
        }

        @Override
        public void jobCreated(JobSpec job) {
            id = (chat ? "chatcmpl-" : "cmpl-") + job.jobId().hex();
            if (parsed.stream()) {
                try {
                    ex.getResponseHeaders().set("Content-Type", "text/event-stream");
                    ex.getResponseHeaders().set("Cache-Control", "no-cache");
                    ex.sendResponseHeaders(200, 0);
                    events = ex.getResponseBody();
                } catch (IOException e) {
                    clientGone = true;
                }
                if (chat) {
                    ObjectNode delta = JSON.createObjectNode().put("role", "assistant").put("content", "");
                    event(chunk(delta, null));
                }
            }
        }

        @Override
        public void text(String delta) {
            if (parsed.stream()) {
                event(chat ? chunk(JSON.createObjectNode().put("content", delta), null) : textChunk(delta, null));
            }
        }

        void finish(Completion c) throws IOException {
            String finish = c.stop() == StopReason.END_OF_GENERATION ? "stop" : "length";
            if (!parsed.stream()) {
                ObjectNode body = base(chat ? "chat.completion" : "text_completion");
                ObjectNode choice = body.putArray("choices").addObject().put("index", 0);
                if (chat) {
                    choice.putObject("message").put("role", "assistant").put("content", c.text()).putNull("refusal");
                } else {
                    choice.put("text", c.text()).putNull("logprobs");
                }
                choice.put("finish_reason", finish);
                body.set("usage", usage(c));
                body.set("cocoon", cocoon(c));
                json(ex, 200, body);
                return;
            }
            event(chat ? chunk(JSON.createObjectNode(), finish) : textChunk("", finish));
            if (parsed.includeUsage()) {
                ObjectNode last = base(chat ? "chat.completion.chunk" : "text_completion");
                last.putArray("choices");
                last.set("usage", usage(c));
                last.set("cocoon", cocoon(c));
                event(last);
            }
            done();
        }

        void fail(int status, String type, String param, String code, String message) throws IOException {
            if (events == null && !clientGone) {
                error(ex, status, type, param, code, message);
                return;
            }
            ObjectNode e = JSON.createObjectNode();
            e.putObject("error").put("message", message).put("type", type).put("param", param).put("code", code);
            event(e);
            done();
        }

        private ObjectNode chunk(ObjectNode delta, String finish) {
            ObjectNode c = base("chat.completion.chunk");
            ObjectNode choice = c.putArray("choices").addObject().put("index", 0);
            choice.set("delta", delta);
            choice.putNull("logprobs");
            choice.put("finish_reason", finish);
            return c;
        }

        private ObjectNode textChunk(String text, String finish) {
            ObjectNode c = base("text_completion");
            ObjectNode choice = c.putArray("choices").addObject().put("index", 0).put("text", text);
            choice.putNull("logprobs");
            choice.put("finish_reason", finish);
            return c;
        }

        private ObjectNode base(String object) {
            return JSON.createObjectNode().put("id", id).put("object", object).put("created", created)
                .put("model", parsed.request().model());
        }

        private void event(ObjectNode data) {
            send("data: " + data + "\n\n");
        }

        private void done() {
            send("data: [DONE]\n\n");
        }

        /** Writes one event; a client that went away is noted once and never written to again. */
        private void send(String text) {
            if (clientGone || events == null) {
                return;
            }
            try {
                events.write(text.getBytes(StandardCharsets.UTF_8));
                events.flush();
            } catch (IOException e) {
                clientGone = true;
                LOG.info(id + ": the client disconnected mid-stream; the job goes on to its commitment");
            }
        }
    }

    private static ObjectNode usage(Completion c) {
        ObjectNode u = JSON.createObjectNode();
        u.put("prompt_tokens", c.promptTokens());
        u.put("completion_tokens", c.completionTokens());
        u.put("total_tokens", c.promptTokens() + c.completionTokens());
        u.put("cost_ton", new BigDecimal(c.costNanoton()).divide(NANOTON_PER_TON).toPlainString());
        u.put("cost_nanoton", c.costNanoton());
        return u;
    }

    private static ObjectNode cocoon(Completion c) {
        ObjectNode n = JSON.createObjectNode();
        n.put("job", c.job().jobId().hex());
        n.put("result_hash", c.commitment().commitment().resultHash().hex());
        n.put("engine", c.job().engine().value());
        n.put("verification", c.verification().name().toLowerCase());
        return n;
    }

    private static void requestError(HttpExchange ex, RequestException e) throws IOException {
        int status = switch (e.kind()) {
            case INVALID -> 400;
            case UNKNOWN_MODEL -> 404;
            case NO_RUNNER -> 503;
        };
        error(ex, status, status == 503 ? "api_error" : "invalid_request_error", e.param(),
            e.kind() == RequestException.Kind.UNKNOWN_MODEL ? "model_not_found" : null, e.getMessage());
    }

    private static void error(HttpExchange ex, int status, String type, String param, String code, String message)
            throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("message", message).put("type", type).put("param", param).put("code", code);
        json(ex, status, body);
    }

    private static void json(HttpExchange ex, int status, ObjectNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
    }
}
