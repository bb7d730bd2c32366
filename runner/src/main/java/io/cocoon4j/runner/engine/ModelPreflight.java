package io.cocoon4j.runner.engine;

import io.cocoon4j.runner.gguf.GgufArray;
import io.cocoon4j.runner.gguf.GgufFile;
import io.cocoon4j.runner.gguf.GgufFormatException;
import io.cocoon4j.runner.gguf.GgufReader;
import io.cocoon4j.runner.gguf.GgufTensorInfo;
import io.cocoon4j.runner.gguf.GgufValueType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a model file in Java before llama.cpp sees it. llama.cpp reports most problems as errors,
 * but some malformed inputs hit a {@code GGML_ASSERT}, which aborts the whole process; everything
 * checked here is refused with an {@link InvalidModelException} instead.
 */
final class ModelPreflight {
    static final Set<String> ARCHITECTURES = Set.of("llama");
    static final Set<String> TOKENIZERS = Set.of("llama");
    private static final Set<String> ROPE_SCALING = Set.of("none", "linear", "yarn", "longrope");
    private static final java.util.regex.Pattern BYTE_TOKEN = java.util.regex.Pattern.compile("<0x[0-9A-Fa-f]{2}>");

    private ModelPreflight() {}

    static GgufFile check(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidModelException("no model file at " + path);
        }
        GgufFile g;
        try {
            g = GgufReader.read(path);
        } catch (GgufFormatException e) {
            throw new InvalidModelException(path.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InvalidModelException("cannot read " + path + ": " + e.getMessage(), e);
        }
        String arch = g.string("general.architecture")
            .orElseThrow(() -> invalid(path, "no general.architecture"));
        if (!ARCHITECTURES.contains(arch)) {
            throw invalid(path, "unsupported architecture '" + arch + "' (this engine runs " + ARCHITECTURES + ")");
        }
        String tokenizer = g.string("tokenizer.ggml.model").orElseThrow(() -> invalid(path, "no tokenizer"));
        if (!TOKENIZERS.contains(tokenizer)) {
            throw invalid(path, "unsupported tokenizer '" + tokenizer + "' (supported: " + TOKENIZERS + ")");
        }
        long embd = positive(g, path, arch + ".embedding_length");
        long heads = positive(g, path, arch + ".attention.head_count");
        long layers = positive(g, path, arch + ".block_count");
        positive(g, path, arch + ".context_length");
        positive(g, path, arch + ".feed_forward_length");
        long kvHeads = g.metadata().containsKey(arch + ".attention.head_count_kv")
            ? positive(g, path, arch + ".attention.head_count_kv") : heads;
        if (embd % heads != 0 || heads % kvHeads != 0) {
            throw invalid(path, "inconsistent attention shape: embedding " + embd + ", heads " + heads + ", kv heads " + kvHeads);
        }
        // The graph builder asserts (aborts) unless these equal the head size.
        for (String key : List.of(".rope.dimension_count", ".attention.key_length", ".attention.value_length")) {
            if (g.metadata().containsKey(arch + key) && positive(g, path, arch + key) != embd / heads) {
                throw invalid(path, arch + key + " must equal the head size " + embd / heads);
            }
        }
        long experts = g.metadata().containsKey(arch + ".expert_count") ? nonNegative(g, path, arch + ".expert_count") : 0;
        long used = g.metadata().containsKey(arch + ".expert_used_count") ? nonNegative(g, path, arch + ".expert_used_count") : 0;
        if (experts > 256 || used > experts || (experts > 0) != (used > 0)) {
            throw invalid(path, "inconsistent experts: " + experts + " experts, " + used + " used");
        }
        if (g.metadata().containsKey(arch + ".rope.scaling.type")
            && !ROPE_SCALING.contains(g.string(arch + ".rope.scaling.type").orElse("?"))) {
            throw invalid(path, "unknown rope scaling type " + g.metadata().get(arch + ".rope.scaling.type"));
        }
        // ggml asserts eps >= 0 in its norm kernels; other float hyper-parameters must at least be numbers.
        for (var e : g.metadata().entrySet()) {
            if (e.getKey().startsWith(arch + ".") && e.getValue() instanceof Double v
                && (!Double.isFinite(v) || (e.getKey().endsWith("epsilon") && v < 0))) {
                throw invalid(path, e.getKey() + " = " + v);
            }
        }
        int vocab = checkVocabulary(g, path);
        GgufTensorInfo embedding = g.tensor("token_embd.weight").orElseThrow(() -> invalid(path, "no token_embd.weight"));
        long[] d = embedding.dims();
        if (d.length != 2 || d[0] != embd || d[1] != vocab) {
            throw invalid(path, "token_embd.weight has shape " + java.util.Arrays.toString(d)
                + ", expected [" + embd + ", " + vocab + "]");
        }
        for (long l = 0; l < layers; l++) {
            if (g.tensor("blk." + l + ".attn_q.weight").isEmpty()) {
                throw invalid(path, "layer " + l + " has no attn_q.weight");
            }
        }
        return g;
    }

    /**
     * The SentencePiece vocabulary: llama.cpp asserts that token texts are unique, reads scores and
     * types as raw float/int32 memory, and throws out of a C function (terminating the process)
     * when a byte token is malformed or missing at tokenization time. Returns the vocabulary size.
     */
    private static int checkVocabulary(GgufFile g, Path path) {
        GgufArray tokens = g.array("tokenizer.ggml.tokens").orElseThrow(() -> invalid(path, "no tokenizer.ggml.tokens"));
        if (tokens.elementType() != GgufValueType.STRING || tokens.size() < 259) {
            throw invalid(path, "tokenizer.ggml.tokens must hold at least 259 strings");
        }
        int vocab = tokens.size();
        Set<Object> distinct = new HashSet<>(tokens.values());
        if (distinct.size() != vocab) {
            throw invalid(path, "tokenizer.ggml.tokens has " + (vocab - distinct.size()) + " duplicate tokens");
        }
        for (int b = 0; b < 256; b++) {
            if (!distinct.contains(String.format("<0x%02X>", b))) {
                throw invalid(path, String.format("the vocabulary lacks byte token <0x%02X>", b));
            }
        }
        checkArray(g, path, "tokenizer.ggml.scores", GgufValueType.FLOAT32, vocab);
        checkArray(g, path, "tokenizer.ggml.token_type", GgufValueType.INT32, vocab);
        g.array("tokenizer.ggml.token_type").ifPresent(types -> {
            for (int i = 0; i < vocab; i++) {
                if (((Long) types.values().get(i)) == 6 && !BYTE_TOKEN.matcher((String) tokens.values().get(i)).matches()) {
                    throw invalid(path, "token " + i + " is typed as a byte but is not <0xXX>");
                }
            }
        });
        for (String key : List.of("bos", "eos", "unknown", "padding", "seperator")) {
            if (g.metadata().containsKey("tokenizer.ggml." + key + "_token_id")) {
                long id = nonNegative(g, path, "tokenizer.ggml." + key + "_token_id");
                if (id >= vocab) {
                    throw invalid(path, key + " token id " + id + " outside the vocabulary of " + vocab);
                }
            }
        }
        return vocab;
    }

    private static void checkArray(GgufFile g, Path path, String key, GgufValueType type, int length) {
        if (!g.metadata().containsKey(key)) {
            return;
        }
        GgufArray a = g.array(key).orElseThrow(() -> invalid(path, key + " is not an array"));
        if (a.elementType() != type || a.size() != length) {
            throw invalid(path, key + " must hold " + length + " " + type + " values, has " + a.size() + " " + a.elementType());
        }
    }

    private static long nonNegative(GgufFile g, Path path, String key) {
        long v = g.integer(key).orElseThrow(() -> invalid(path, key + " is not an integer"));
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw invalid(path, key + " = " + v);
        }
        return v;
    }

    private static long positive(GgufFile g, Path path, String key) {
        long v = g.integer(key).orElseThrow(() -> invalid(path, g.metadata().containsKey(key) ? key + " is not an integer" : "no " + key));
        if (v <= 0 || v > 1 << 24) {
            throw invalid(path, key + " = " + v);
        }
        return v;
    }

    private static InvalidModelException invalid(Path path, String what) {
        return new InvalidModelException(path.getFileName() + ": " + what);
    }
}
