package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.runner.gguf.GgmlType;
import io.cocoon4j.runner.gguf.GgufWriter;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad model files give an {@link InvalidModelException} and never reach a native abort. */
class BadModelTest {
    @TempDir
    Path dir;

    private static final EngineOptions OPTIONS = EngineOptions.defaults().withThreads(1).withContextLength(64);

    @Test
    void missingFile() {
        assertThatThrownBy(() -> LlamaEngine.open(dir.resolve("nope.gguf"), OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining("no model file");
    }

    @Test
    void notAGgufFile() throws Exception {
        Path f = Files.writeString(dir.resolve("text.gguf"), "this is not a model, just text of some length");
        assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining("bad magic");
    }

    @Test
    void truncatedAnywhere() throws Exception {
        byte[] bytes = Files.readAllBytes(TinyModel.path());
        for (int cut : new int[] {0, 3, 20, 100, 5_000, 20_000, bytes.length / 2, bytes.length - 1}) {
            Path f = dir.resolve("cut-" + cut + ".gguf");
            Files.write(f, Arrays.copyOf(bytes, cut));
            assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS)).as("cut at %d", cut)
                .isInstanceOf(InvalidModelException.class)
                .message().containsAnyOf("truncated", "only", "bad or truncated");
        }
    }

    @Test
    void unknownArchitecture() throws Exception {
        byte[] bytes = Files.readAllBytes(TinyModel.path());
        // Same length, other name: "llama" -> "llamb" in general.architecture's value.
        int at = indexOf(bytes, "general.architecture".getBytes(StandardCharsets.US_ASCII));
        int value = at + "general.architecture".length() + 4 + 8;
        assertThat(new String(bytes, value, 5, StandardCharsets.US_ASCII)).isEqualTo("llama");
        bytes[value + 4] = 'b';
        Path f = Files.write(dir.resolve("arch.gguf"), bytes);
        assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining("unsupported architecture 'llamb'");
    }

    @Test
    void duplicateTokensAreRefused() throws Exception {
        // llama.cpp GGML_ASSERTs (aborts) on duplicate token texts; here "<0x41>" becomes a second "<0x42>".
        byte[] bytes = Files.readAllBytes(TinyModel.path());
        int at = indexOf(bytes, "<0x41>".getBytes(StandardCharsets.US_ASCII));
        bytes[at + 4] = '2';
        Path f = Files.write(dir.resolve("dup.gguf"), bytes);
        assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining("1 duplicate tokens");
    }

    @Test
    void negativeNormEpsilonIsRefused() throws Exception {
        // ggml asserts eps >= 0 in the RMS norm kernel, at the first decode.
        byte[] bytes = Files.readAllBytes(TinyModel.path());
        String key = "llama.attention.layer_norm_rms_epsilon";
        int value = indexOf(bytes, key.getBytes(StandardCharsets.US_ASCII)) + key.length() + 4;
        bytes[value + 3] |= (byte) 0x80;
        Path f = Files.write(dir.resolve("eps.gguf"), bytes);
        assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining(key + " = -");
    }

    @Test
    void inconsistentShapesAreRefused() throws Exception {
        Path f = dir.resolve("shape.gguf");
        GgufWriter w = new GgufWriter(32)
            .putString("general.architecture", "llama")
            .putUint32("llama.context_length", 64).putUint32("llama.embedding_length", 64)
            .putUint32("llama.block_count", 1).putUint32("llama.feed_forward_length", 128)
            .putUint32("llama.attention.head_count", 3)
            .putString("tokenizer.ggml.model", "llama")
            .putStringArray("tokenizer.ggml.tokens", List.of("<unk>", "<s>", "</s>", "a"));
        w.addTensor("token_embd.weight", new long[] {64, 4}, GgmlType.F32);
        try (OutputStream out = Files.newOutputStream(f)) {
            w.write(out, (t, o) -> o.write(new byte[(int) t.byteSize()]));
        }
        assertThatThrownBy(() -> LlamaEngine.open(f, OPTIONS))
            .isInstanceOf(InvalidModelException.class).hasMessageContaining("inconsistent attention shape");
    }

    @Test
    void flippedHeaderBytesNeverCrashTheJvm() throws Exception {
        byte[] good = Files.readAllBytes(TinyModel.path());
        int headerEnd = 12_000; // metadata and the tensor table of the tiny model
        java.util.Random random = new java.util.Random(7);
        int refused = 0;
        // 14,000 such cases ran clean offline once the aborts they found became preflight rules.
        for (int i = 0; i < 60; i++) {
            byte[] bad = good.clone();
            int at = 8 + random.nextInt(headerEnd);
            bad[at] ^= (byte) (1 << random.nextInt(8));
            Path f = Files.write(dir.resolve("flip-" + i + ".gguf"), bad);
            try (LlamaEngine e = LlamaEngine.open(f, OPTIONS)) {
                e.generate(e.tokenize("ok", true), 2, TokenChooser.GREEDY);
            } catch (EngineException expected) {
                refused++;
            }
        }
        assertThat(refused).isPositive();
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
