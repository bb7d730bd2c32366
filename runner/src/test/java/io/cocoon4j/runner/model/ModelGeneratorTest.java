package io.cocoon4j.runner.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.runner.gguf.GgmlType;
import io.cocoon4j.runner.gguf.GgufFile;
import io.cocoon4j.runner.gguf.GgufReader;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelGeneratorTest {
    /** Pinned: a change here changes every model hash a result commits to. */
    static final String TINY_F32 = "05a567ddc74451d742ffbceb937584c9b91b04a354c277280c63770c96843c75";
    static final String TINY_F16 = "06c87150dc502a9cec450bf5d817f0c5db479e4a036f1b0aeec2f3135881c881";
    static final String TINY_Q8_0 = "d303490296a27ce17ce92f9f98007e63a4df64679ee7aeb2f790a91d5cf37890";
    static final String SMALL_F16 = "78d8837bdb5961f70264137ebd548840ca3b88f1d05c585fece33acb2fa5e632";
    static final String MEDIUM_F16 = "619fb2a5903a38e1af6b091d35bb9ab68de527a0a5b9394f13ca0cf7bcfdcee5";

    @TempDir
    Path dir;

    @Test
    void tinyModelBytesArePinned() throws Exception {
        Path f = dir.resolve("tiny.gguf");
        String hash = ModelGenerator.generate(ModelSpec.of(ModelShape.TINY), f);
        assertThat(hash).isEqualTo(TINY_F32);
        assertThat(ModelFiles.sha256(f)).isEqualTo(TINY_F32);
        assertThat(Files.size(f)).isBetween(550_000L, 700_000L);
    }

    @Test
    void lowerPrecisionVariantsArePinnedAndSmaller() throws Exception {
        assertThat(ModelGenerator.sha256Of(new ModelSpec(ModelShape.TINY, 42, WeightType.F16))).isEqualTo(TINY_F16);
        assertThat(ModelGenerator.sha256Of(new ModelSpec(ModelShape.TINY, 42, WeightType.Q8_0))).isEqualTo(TINY_Q8_0);
    }

    @Test
    void smallModelHashIsPinned() throws Exception {
        // ~71 MB hashed as it streams, about a second of one core.
        assertThat(ModelGenerator.sha256Of(ModelSpec.of(ModelShape.SMALL))).isEqualTo(SMALL_F16);
    }

    @Test
    void mediumModelHashIsPinned() throws Exception {
        // ~372 MB hashed as it streams, nothing written: a few seconds of one core.
        assertThat(ModelGenerator.sha256Of(ModelSpec.of(ModelShape.MEDIUM))).isEqualTo(MEDIUM_F16);
    }

    @Test
    void anotherSeedGivesAnotherModel() throws Exception {
        assertThat(ModelGenerator.sha256Of(new ModelSpec(ModelShape.TINY, 43, WeightType.F32))).isNotEqualTo(TINY_F32);
    }

    @Test
    void fileIsAWellFormedLlamaGguf() throws Exception {
        Path f = dir.resolve("tiny.gguf");
        ModelGenerator.generate(ModelSpec.of(ModelShape.TINY), f);
        GgufFile g = GgufReader.read(f);
        assertThat(g.version()).isEqualTo(3);
        assertThat(g.string("general.architecture")).contains("llama");
        assertThat(g.string("tokenizer.ggml.model")).contains("llama");
        assertThat(g.arrayLength("tokenizer.ggml.tokens")).contains(556);
        assertThat(g.tensors()).hasSize(2 + 2 * 9 + 1);
        assertThat(g.tensor("token_embd.weight").orElseThrow().dims()).containsExactly(64, 556);
        assertThat(g.tensor("blk.1.ffn_down.weight").orElseThrow().dims()).containsExactly(128, 64);
        assertThat(g.tensor("output_norm.weight").orElseThrow().type()).isEqualTo(GgmlType.F32);
        long lastEnd = g.tensors().stream().mapToLong(t -> g.dataOffset() + t.offset() + t.byteSize()).max().orElseThrow();
        assertThat(Files.size(f)).isEqualTo((lastEnd + 31) / 32 * 32);
    }

    @Test
    void weightsAreTheDocumentedFunctionOfTheSeedNotJustAPinnedHash() throws Exception {
        // Recomputed with the JDK's own SplitMix64 (SplittableRandom), independent of WeightStream:
        // tensor i draws from seed' = first output of SplitMix64(seed ^ i * 0xD1B54A32D192ED03), and each
        // weight is (next >>> 40) * 2^-23 - 1, times 1/sqrt(fan-in) (token embeddings 1, output 4/sqrt,
        // norms 1 + 0.1 r).
        Path f = dir.resolve("tiny.gguf");
        ModelGenerator.generate(ModelSpec.of(ModelShape.TINY), f);
        GgufFile g = GgufReader.read(f);
        for (String name : new String[] {"token_embd.weight", "blk.0.attn_q.weight", "output_norm.weight", "output.weight"}) {
            int index = g.tensors().indexOf(g.tensor(name).orElseThrow());
            var tensor = g.tensors().get(index);
            long streamSeed = new java.util.SplittableRandom(42L ^ (index * 0xD1B54A32D192ED03L)).nextLong();
            java.util.SplittableRandom weights = new java.util.SplittableRandom(streamSeed);
            java.nio.ByteBuffer data = java.nio.ByteBuffer.wrap(Files.readAllBytes(f))
                .order(java.nio.ByteOrder.LITTLE_ENDIAN).position((int) (g.dataOffset() + tensor.offset()));
            float scale = switch (name) {
                case "token_embd.weight" -> 1f;
                case "output.weight" -> (float) (4.0 / Math.sqrt(64));
                default -> (float) (1.0 / Math.sqrt(64));
            };
            for (int i = 0; i < Math.min(100, tensor.elements()); i++) {
                float r = (weights.nextLong() >>> 40) * 0x1.0p-23f - 1f;
                float expected = name.equals("output_norm.weight") ? 1f + 0.1f * r : r * scale;
                assertThat(data.getFloat()).as("%s[%d]", name, i).isEqualTo(expected);
            }
        }
    }

    @Test
    void q8VariantQuantisesMatricesButKeepsNormsF32() throws Exception {
        Path f = dir.resolve("tiny-q8.gguf");
        ModelGenerator.generate(new ModelSpec(ModelShape.TINY, 42, WeightType.Q8_0), f);
        GgufFile g = GgufReader.read(f);
        assertThat(g.tensor("blk.0.attn_q.weight").orElseThrow().type()).isEqualTo(GgmlType.Q8_0);
        assertThat(g.tensor("blk.0.attn_norm.weight").orElseThrow().type()).isEqualTo(GgmlType.F32);
        assertThat(g.integer("general.file_type")).contains(7L);
    }

    @Test
    void vocabularyHasSpecialsBytesAndPieces() {
        SpmVocabulary v = SpmVocabulary.build(556);
        List<String> t = v.tokens();
        assertThat(t.subList(0, 3)).containsExactly("<unk>", "<s>", "</s>");
        assertThat(t.get(SpmVocabulary.FIRST_BYTE + 0x41)).isEqualTo("<0x41>");
        assertThat(v.types()[SpmVocabulary.FIRST_BYTE + 10]).isEqualTo(6);
        assertThat(t).doesNotHaveDuplicates().contains("\u2581the", "a", "\u2581");
        assertThat(SpmVocabulary.build(15556).tokens()).hasSize(15556).doesNotHaveDuplicates();
    }
}
