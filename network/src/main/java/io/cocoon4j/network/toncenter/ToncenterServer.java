package io.cocoon4j.network.toncenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cocoon4j.network.local.LocalNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The toncenter v2 HTTP API for a {@link LocalNetwork}, on loopback under {@code /api/v2/}:
 * {@code POST /api/v2/jsonRPC} with {@code {id, jsonrpc, method, params}} (as {@code @ton/ton}'s
 * TonClient sends it) and the REST form {@code GET|POST /api/v2/<method>} (query parameters or a
 * JSON body, as ton4j's toncenter client sends it). Answers are {@code {"ok": true, "result": …}}
 * or {@code {"ok": false, "error": …, "code": …}} with the same HTTP status.
 *
 * <p>Runs on the JDK's own HTTP server: no extra dependency. With an API key set, requests must
 * carry it in the {@code X-API-Key} header or the {@code api_key} query parameter (401 otherwise),
 * as on the public service.
 */
public final class ToncenterServer implements AutoCloseable {
    /** Where {@code cocoon up} listens unless told otherwise. */
    public static final int DEFAULT_PORT = 8081;
    /** The local faucet ({@code POST {"address": …, "amount": nanotons}}): not part of toncenter's API. */
    public static final String FAUCET_PATH = "/cocoon/faucet";
    /** The most one faucet call gives, in nanotons (one million TON). */
    public static final java.math.BigInteger FAUCET_MAX = java.math.BigInteger.TEN.pow(15);
    private static final int MAX_BODY = 4 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final System.Logger LOG = System.getLogger(ToncenterServer.class.getName());

    private final HttpServer http;
    private final ExecutorService pool;
    private final ToncenterApi api;
    private final Optional<String> apiKey;

    private ToncenterServer(HttpServer http, ExecutorService pool, ToncenterApi api, Optional<String> apiKey) {
        this.http = http;
        this.pool = pool;
        this.api = api;
        this.apiKey = apiKey;
    }

    /**
     * Starts serving {@code network} on {@code 127.0.0.1:port} (0 picks a free port).
     *
     * @param apiKey the key clients must send, or empty to accept every request
     * @throws UncheckedIOException when the port is taken
     */
    public static ToncenterServer start(LocalNetwork network, int port, Optional<String> apiKey) {
        HttpServer http;
        try {
            http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); is another `cocoon up` running? Pick another port with --port", e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "toncenter-http");
            t.setDaemon(true);
            return t;
        });
        ToncenterServer server = new ToncenterServer(http, pool, new ToncenterApi(network), apiKey);
        http.createContext("/api/v2/", server::handle);
        http.createContext(FAUCET_PATH, ex -> server.faucet(network, ex));
        http.setExecutor(pool);
        http.start();
        return server;
    }

    /** The endpoint's base URL, {@code http://127.0.0.1:PORT/api/v2}: what ton4j's TonCenter takes. */
    public String endpoint() {
        return "http://127.0.0.1:" + port() + "/api/v2";
    }

    /** The JSON-RPC URL, what {@code @ton/ton}'s TonClient takes. */
    public String jsonRpcUrl() {
        return endpoint() + "/jsonRPC";
    }

    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        JsonNode id = null;
        ObjectNode reply;
        int status = 200;
        try {
            URI uri = ex.getRequestURI();
            ObjectNode query = queryParams(uri.getRawQuery());
            checkKey(ex, query);
            String method = uri.getPath().substring("/api/v2/".length());
            JsonNode params;
            String verb = ex.getRequestMethod();
            if (method.equals("jsonRPC")) {
                if (!verb.equals("POST")) {
                    throw new ToncenterError(405, "jsonRPC takes POST");
                }
                JsonNode body = readBody(ex);
                id = body.get("id");
                method = body.path("method").asText("");
                params = body.path("params");
            } else if (verb.equals("POST")) {
                JsonNode body = readBody(ex);
                params = body.isObject() ? body : query;
                if (body.isObject()) {
                    query.fields().forEachRemaining(f -> ((ObjectNode) body).putIfAbsent(f.getKey(), f.getValue()));
                }
            } else if (verb.equals("GET")) {
                params = query;
            } else {
                throw new ToncenterError(405, "use GET or POST");
            }
            reply = JSON.createObjectNode();
            reply.put("ok", true);
            reply.set("result", api.call(method, params));
        } catch (ToncenterError e) {
            status = e.code();
            reply = error(e.code(), e.getMessage());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) { // ton4j's parsers throw java.lang.Error on bad input: still answer
            status = 500;
            reply = error(500, "internal error: " + e);
            LOG.log(System.Logger.Level.WARNING, "toncenter endpoint: internal error on " + ex.getRequestURI().getPath(), e);
        }
        if (id != null) {
            reply.set("id", id);
            reply.put("jsonrpc", "2.0");
        }
        byte[] out = JSON.writeValueAsBytes(reply);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private void faucet(LocalNetwork network, HttpExchange ex) throws IOException {
        ObjectNode reply;
        int status = 200;
        try {
            checkKey(ex, queryParams(ex.getRequestURI().getRawQuery()));
            if (!ex.getRequestMethod().equals("POST")) {
                throw new ToncenterError(405, "the faucet takes POST {\"address\": …, \"amount\": nanotons}");
            }
            JsonNode body = readBody(ex);
            org.ton.ton4j.address.Address to;
            try {
                to = org.ton.ton4j.address.Address.of(body.path("address").asText());
            } catch (RuntimeException | Error e) {
                throw new ToncenterError(416, "Incorrect address: '" + body.path("address").asText() + "'");
            }
            java.math.BigInteger amount;
            try {
                amount = new java.math.BigInteger(body.path("amount").asText());
            } catch (NumberFormatException e) {
                throw new ToncenterError(400, "amount is a whole number of nanotons");
            }
            if (amount.signum() <= 0 || amount.compareTo(FAUCET_MAX) > 0) {
                throw new ToncenterError(400, "the faucet gives between 1 nanoton and 1,000,000 TON per call");
            }
            var trace = network.fund(to, amount, null);
            reply = JSON.createObjectNode();
            reply.put("ok", true);
            ObjectNode result = reply.putObject("result");
            result.put("address", to.toRaw());
            result.put("amount", amount.toString());
            result.put("balance", network.account(to).balance().toString());
            result.put("transaction_hash", ToncenterJson.b64(trace.root().hash()));
        } catch (ToncenterError e) {
            status = e.code();
            reply = error(e.code(), e.getMessage());
        }
        byte[] out = JSON.writeValueAsBytes(reply);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(out);
        }
    }

    private void checkKey(HttpExchange ex, ObjectNode query) {
        if (apiKey.isEmpty()) {
            return;
        }
        String given = ex.getRequestHeaders().getFirst("X-API-Key");
        if (given == null && query.hasNonNull("api_key")) {
            given = query.get("api_key").asText();
        }
        query.remove("api_key");
        if (!apiKey.get().equals(given)) {
            throw new ToncenterError(401, given == null ? "API key required: send it in the X-API-Key header"
                    : "API key does not exist");
        }
    }

    private static ObjectNode error(int code, String message) {
        ObjectNode o = JSON.createObjectNode();
        o.put("ok", false);
        o.put("error", message);
        o.put("code", code);
        return o;
    }

    private static JsonNode readBody(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new ToncenterError(413, "request body over " + MAX_BODY + " bytes");
            }
            if (body.length == 0) {
                return JSON.createObjectNode();
            }
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new ToncenterError(400, "the request body is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode queryParams(String rawQuery) {
        ObjectNode o = JSON.createObjectNode();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return o;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            o.put(k, v);
        }
        return o;
    }

    /** Stops accepting requests, finishes those in flight (up to a second), and frees the port. */
    @Override
    public void close() {
        http.stop(1);
        pool.shutdown();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
