package io.cocoon4j.runner.engine;

import io.cocoon4j.runner.gguf.GgufFile;
import io.cocoon4j.runner.gguf.GgufFormatException;
import io.cocoon4j.runner.gguf.GgufReader;
import io.cocoon4j.runner.gguf.GgufTensorInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
        long kvHeads = g.integer(arch + ".attention.head_count_kv").orElse(heads);
        if (embd % heads != 0 || kvHeads <= 0 || heads % kvHeads != 0) {
            throw invalid(path, "inconsistent attention shape: embedding " + embd + ", heads " + heads + ", kv heads " + kvHeads);
        }
        int vocab = g.arrayLength("tokenizer.ggml.tokens").orElseThrow(() -> invalid(path, "no tokenizer.ggml.tokens"));
        if (vocab < 4) {
            throw invalid(path, "vocabulary of " + vocab + " tokens");
        }
        for (String key : List.of("tokenizer.ggml.scores", "tokenizer.ggml.token_type")) {
            g.arrayLength(key).filter(n -> n != vocab).ifPresent(n -> {
                throw invalid(path, key + " has " + n + " entries for " + vocab + " tokens");
            });
        }
        for (String key : List.of("bos", "eos", "unknown", "padding")) {
            g.integer("tokenizer.ggml." + key + "_token_id").filter(id -> id < 0 || id >= vocab).ifPresent(id -> {
                throw invalid(path, key + " token id " + id + " outside the vocabulary of " + vocab);
            });
        }
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

    private static long positive(GgufFile g, Path path, String key) {
        long v = g.integer(key).orElseThrow(() -> invalid(path, "no " + key));
        if (v <= 0 || v > 1 << 24) {
            throw invalid(path, key + " = " + v);
        }
        return v;
    }

    private static InvalidModelException invalid(Path path, String what) {
        return new InvalidModelException(path.getFileName() + ": " + what);
    }
}
