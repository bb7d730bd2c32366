package io.cocoon4j.runner.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.runner.engine.StopReason;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.SignedCommitment;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One line of a runner's answer to a job's input: newline-delimited JSON, one event per line, sent
 * as it happens over the RA-TLS connection. In order: {@code accepted}, one {@code token} per output
 * token, then {@code committed} (or {@code failed} at any point).
 *
 * <pre>
 * {"event":"accepted","job":"3f…"}
 * {"event":"token","index":0,"id":287}
 * {"event":"committed","stop":"END_OF_GENERATION","token_count":12,"result_hash":"…","chunk_root":"…","signature":"…"}
 * {"event":"failed","code":"CHAIN_UNAVAILABLE","message":"…"}
 * </pre>
 */
public sealed interface StreamEvent {

    /** The job is accepted on-chain. */
    record Accepted(Hash32 jobId) implements StreamEvent {
        public Accepted {
            Objects.requireNonNull(jobId, "jobId");
        }
    }

    /** Output token {@code index} is {@code id}. */
    record Token(int index, int id) implements StreamEvent {
        public Token {
            if (index < 0 || id < 0) {
                throw new IllegalArgumentException("a token event has a non-negative index and id");
            }
        }
    }

    /** The result is committed on-chain. */
    record Committed(StopReason stop, SignedCommitment commitment) implements StreamEvent {
        public Committed {
            Objects.requireNonNull(stop, "stop");
            Objects.requireNonNull(commitment, "commitment");
        }
    }

    /** The runner could not finish serving the job now; {@code code} names why. */
    record Failed(String code, String message) implements StreamEvent {
        public Failed {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /** This event as one line of JSON (no newline). */
    default String toJson() {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (this instanceof Accepted a) {
            n.put("event", "accepted").put("job", a.jobId().hex());
        } else if (this instanceof Token t) {
            n.put("event", "token").put("index", t.index()).put("id", t.id());
        } else if (this instanceof Committed c) {
            ResultCommitment rc = c.commitment().commitment();
            n.put("event", "committed").put("job", rc.jobId().hex()).put("stop", c.stop().name())
                .put("token_count", rc.tokenCount()).put("result_hash", rc.resultHash().hex())
                .put("chunk_root", rc.chunkRoot().hex())
                .put("signature", HexFormat.of().formatHex(c.commitment().signature()));
        } else if (this instanceof Failed f) {
            n.put("event", "failed").put("code", f.code()).put("message", f.message());
        }
        return n.toString();
    }

    /**
     * Parses one line.
     *
     * @throws IllegalArgumentException if the line is not a well-formed event
     */
    static StreamEvent parse(String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            String event = Json.text(n, "event");
            return switch (event) {
                case "accepted" -> new Accepted(Hash32.fromHex(Json.text(n, "job")));
                case "token" -> new Token(Json.integer(n, "index"), Json.integer(n, "id"));
                case "committed" -> new Committed(StopReason.valueOf(Json.text(n, "stop")), new SignedCommitment(
                    new ResultCommitment(Hash32.fromHex(Json.text(n, "job")), Hash32.fromHex(Json.text(n, "result_hash")),
                        Json.integer(n, "token_count"), Hash32.fromHex(Json.text(n, "chunk_root"))),
                    HexFormat.of().parseHex(Json.text(n, "signature"))));
                case "failed" -> new Failed(Json.text(n, "code"), Json.text(n, "message"));
                default -> throw new IllegalArgumentException("unknown event '" + event + "'");
            };
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Jackson, configured once for the wire format. */
    final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();

        private Json() {}

        static String text(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.isTextual()) {
                throw new IllegalArgumentException("'" + field + "' must be a string");
            }
            return v.asText();
        }

        static int integer(JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("'" + field + "' must be a 32-bit integer");
            }
            return v.asInt();
        }
    }
}
