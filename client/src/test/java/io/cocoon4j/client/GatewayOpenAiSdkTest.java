package io.cocoon4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.completions.CompletionCreateParams;
import com.openai.models.models.Model;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.sampling.Sampler;
import io.cocoon4j.protocol.sampling.SplitMix64Draws;
import io.cocoon4j.runner.engine.Generation;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.TokenChooser;
import io.cocoon4j.runner.job.LedgerMarket;
import io.cocoon4j.runner.job.TestCommitmentEncoding;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.service.TestRunner;
import io.cocoon4j.verifier.Tolerances;
import io.cocoon4j.verifier.Verifier;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The official OpenAI Java SDK against a real gateway on loopback, which pays through jobs served
 * by a real runner (RA-TLS inference service, llama.cpp on the tiny generated model, journal,
 * simulated enclave) and re-checks every answer with a real verifier. Only the chain is a stand-in
 * ({@link LedgerMarket}, through the {@link ClientMarket} and runner {@code JobMarket} interfaces).
 */
class GatewayOpenAiSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long PRICE = 1_500;

    @TempDir
    static Path dir;

    private static TestRunner runner;
    private static LedgerMarket ledger;
    private static LlamaEngine clientEngine;
    private static Gateway gateway;
    private static OpenAIClient openai;

    @BeforeAll
    static void start() throws Exception {
        runner = new TestRunner(dir, Duration.ofSeconds(5));
        ledger = runner.ledger;
        clientEngine = TestJobs.engine();
        Hash32 sha = TestJobs.modelSha256();
        PaidInference inference = new PaidInference(new LedgerClientMarket(ledger, LedgerClientMarket.offer(runner, PRICE)),
            new RunnerClient(runner.clientPolicy(), EvidenceVerifier.simulatedOnly(), Duration.ofSeconds(60)),
            TestCommitmentEncoding.INSTANCE,
            List.of(new LocalModel("tiny", sha, clientEngine, Optional.of(new Verifier(clientEngine, sha, Tolerances.TINY)))),
            Duration.ofSeconds(30));
        gateway = Gateway.start(inference, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        openai = OpenAIOkHttpClient.builder().baseUrl(gateway.baseUri().toString()).apiKey("unused-by-cocoon4j")
            .maxRetries(0).timeout(Duration.ofSeconds(120)).build();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (runner != null) {
            runner.close();
        }
        clientEngine.close();
    }

    /** What the model itself answers, greedily, to the prompt the gateway renders. */
    private static String expected(String prompt, int maxTokens) {
        int[] tokens = clientEngine.tokenize(prompt, true);
        Generation g = clientEngine.generate(tokens, maxTokens, TokenChooser.GREEDY);
        return new String(clientEngine.detokenizeBytes(g.tokens()), StandardCharsets.UTF_8);
    }

    @Test
    void chatCompletionThroughTheSdkIsTheModelsAnswerPaidAndVerified() {
        ChatCompletion c = openai.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
            .addUserMessage("hello there").maxCompletionTokens(24L).build());

        String answer = c.choices().get(0).message().content().orElseThrow();
        assertThat(answer).isEqualTo(expected("user: hello there\nassistant:", 24));
        long completion = c.usage().orElseThrow().completionTokens();
        assertThat(completion).isBetween(1L, 24L);
        assertThat(c.usage().orElseThrow().promptTokens())
            .isEqualTo(clientEngine.tokenize("user: hello there\nassistant:", true).length);
        assertThat(c.usage().orElseThrow()._additionalProperties().get("cost_nanoton").toString())
            .isEqualTo(String.valueOf(completion * PRICE));
        assertThat(c._additionalProperties().get("cocoon").toString()).contains("verification=verified");
        Hash32 job = Hash32.fromHex(c.id().substring("chatcmpl-".length()));
        assertThat(ledger.commitment(job)).isPresent();
        assertThat(ledger.commitment(job).orElseThrow().commitment().tokenCount()).isEqualTo((int) completion);
        awaitState(job, "finalized");
    }

    @Test
    void sampledCompletionsReplayThePublicSeedAndPassVerification() {
        ChatCompletion c = openai.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
            .addUserMessage("surprise me").maxCompletionTokens(24L).temperature(0.9).seed(4242L).build());

        SamplingSpec.Sampled spec = SamplingSpec.Sampled.withTemperature(0.9, 4242L);
        int[] prompt = clientEngine.tokenize("user: surprise me\nassistant:", true);
        SplitMix64Draws draws = new SplitMix64Draws(4242L);
        Generation g = clientEngine.generate(prompt, 24, (position, logits) -> Sampler.choose(logits, spec, draws, position));
        assertThat(c.choices().get(0).message().content().orElseThrow())
            .isEqualTo(new String(clientEngine.detokenizeBytes(g.tokens()), StandardCharsets.UTF_8));
        assertThat(c._additionalProperties().get("cocoon").toString()).contains("verification=verified");
    }

    private static void awaitState(Hash32 job, String state) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!ledger.stateOf(job).equals(state) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(ledger.stateOf(job)).as("job " + job).isEqualTo(state);
    }

    @Test
    void streamedChatCompletionArrivesAsTheSameText() {
        StringBuilder text = new StringBuilder();
        List<String> finish = new ArrayList<>();
        int chunks = 0;
        try (StreamResponse<ChatCompletionChunk> stream = openai.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder().model("tiny").addUserMessage("tell me a story")
                    .maxCompletionTokens(40L).build())) {
            for (ChatCompletionChunk chunk : (Iterable<ChatCompletionChunk>) stream.stream()::iterator) {
                chunks++;
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    choice.delta().content().ifPresent(text::append);
                    choice.finishReason().ifPresent(f -> finish.add(f.asString()));
                }
            }
        }
        assertThat(text.toString()).isEqualTo(expected("user: tell me a story\nassistant:", 40));
        assertThat(chunks).as("one chunk per piece of text, not one at the end").isGreaterThan(3);
        assertThat(finish).hasSize(1).first().isIn("stop", "length");
    }

    @Test
    void legacyCompletionsAndModelsWorkThroughTheSdk() {
        com.openai.models.completions.Completion c = openai.completions().create(CompletionCreateParams.builder()
            .model("tiny").prompt("once upon a time").maxTokens(16L).build());
        assertThat(c.choices().get(0).text()).isEqualTo(expected("once upon a time", 16));

        List<String> ids = openai.models().list().data().stream().map(Model::id).toList();
        assertThat(ids).containsExactly("tiny");
    }

    @Test
    void badRequestsGetOpenAiErrorsAndPayNothing() throws Exception {
        int jobsBefore = ledger.received().size();
        assertThatThrownBy(() -> openai.chat().completions().create(ChatCompletionCreateParams.builder().model("gpt-9")
            .addUserMessage("hi").build())).isInstanceOf(NotFoundException.class).hasMessageContaining("gpt-9");
        assertThatThrownBy(() -> openai.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
            .addUserMessage("hi").maxCompletionTokens(100_000L).build()))
            .isInstanceOf(BadRequestException.class).hasMessageContaining("maximum context length");

        HttpResponse<String> notJson = post("/chat/completions", "{\"model\": \"tiny\", \"messages\": [");
        assertThat(notJson.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(notJson.body()).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        assertThat(error.get("message").asText()).contains("could not parse the JSON body");

        HttpResponse<String> noMessages = post("/chat/completions", "{\"model\": \"tiny\"}");
        assertThat(noMessages.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(noMessages.body()).get("error").get("param").asText()).isEqualTo("messages");

        HttpResponse<String> badRole = post("/chat/completions",
            "{\"model\": \"tiny\", \"messages\": [{\"role\": \"wizard\", \"content\": \"x\"}]}");
        assertThat(badRole.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(badRole.body()).get("error").get("param").asText()).isEqualTo("messages[0].role");

        assertThat(ledger.received()).as("no job was paid for a refused request").hasSize(jobsBefore);
    }

    @Test
    void aClientThatLeavesMidStreamLeavesTheJobToBeCommitted() throws Exception {
        String body = "{\"model\":\"tiny\",\"stream\":true,\"max_tokens\":60,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"leave early\"}]}";
        Hash32 job;
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), gateway.baseUri().getPort())) {
            OutputStream out = s.getOutputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = in.readLine();
            } while (line != null && !line.contains("data: {"));
            assertThat(line).isNotNull();
            JsonNode first = JSON.readTree(line.substring(line.indexOf('{'), line.lastIndexOf('}') + 1));
            job = Hash32.fromHex(first.get("id").asText().substring("chatcmpl-".length()));
        } // the client hangs up here, after the first event

        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (ledger.commitment(job).isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(ledger.commitment(job)).as("the paid job is still committed").isPresent();
        ChatCompletion next = openai.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
            .addUserMessage("still there?").maxCompletionTokens(8L).build());
        assertThat(next.choices().get(0).message().content()).isPresent();
    }

    @Test
    void transcriptsAreForAttestedVerifiersOnly() throws Exception {
        ChatCompletion c = openai.chat().completions().create(ChatCompletionCreateParams.builder().model("tiny")
            .addUserMessage("audit me").maxCompletionTokens(12L).build());
        String job = c.id().substring("chatcmpl-".length());
        URI transcript = runner.server.uri().resolve("/v1/jobs/" + job + "/transcript");

        HttpClient verifier = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(runner.verifierContext()).build();
        HttpResponse<String> ok = verifier.send(HttpRequest.newBuilder(transcript).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        JsonNode t = JSON.readTree(ok.body());
        assertThat(t.get("output").size()).isEqualTo((int) c.usage().orElseThrow().completionTokens());
        assertThat(t.get("prompt").size()).isEqualTo((int) c.usage().orElseThrow().promptTokens());

        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .sslContext(RaTls.builder().verifyPeers(runner.clientPolicy(), EvidenceVerifier.simulatedOnly()).build()).build();
        HttpResponse<String> refused = anonymous.send(HttpRequest.newBuilder(transcript).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("NOT_ATTESTED").doesNotContain("\"output\"");

        awaitState(Hash32.fromHex(job), "finalized");
        HttpResponse<String> gone = verifier.send(HttpRequest.newBuilder(transcript).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(gone.statusCode()).as("no transcript outlives the challenge window").isEqualTo(404);
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway.baseUri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }
}
