package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LlamaEngineTest extends TinyEngineTestBase {
    @Test
    void describesTheModelAndTheBuild() {
        assertThat(engine.vocabSize()).isEqualTo(556);
        assertThat(engine.contextLength()).isEqualTo(256);
        assertThat(engine.bosToken()).isEqualTo(1);
        assertThat(engine.eosToken()).isEqualTo(2);
        assertThat(engine.isEndOfGeneration(2)).isTrue();
        assertThat(engine.isEndOfGeneration(100)).isFalse();
        assertThat(engine.parameterCount()).isEqualTo(2L * 556 * 64 + 2 * (4 * 64 * 64 + 3 * 64 * 128 + 2 * 64) + 64);
        LlamaBuild build = engine.build();
        assertThat(build.build()).isEqualTo("b4916");
        assertThat(build.commit()).startsWith("c6af2161");
        assertThat(build.backend()).isEqualTo("cpu");
        assertThat(engine.engineId().value()).startsWith("llama.cpp-b4916-c6af2161").endsWith("/seq1-nocache-b512-ub512");
        assertThat(LlamaBuild.of(engine.engineId())).contains(build);
        assertThat(engine.reproduces(engine.engineId())).isTrue();
    }

    @Test
    void tokenizesAndDetokenizesText() {
        String text = "Hello world, the proof of stake: 42 ✓";
        int[] tokens = engine.tokenize(text, true);
        assertThat(tokens[0]).isEqualTo(1);
        assertThat(tokens.length).isLessThan(text.length());
        // SPM adds a leading space that detokenization keeps.
        assertThat(engine.detokenize(tokens)).isEqualTo(" " + text);
        int[] noBos = engine.tokenize(text, false);
        assertThat(noBos).containsExactly(java.util.Arrays.copyOfRange(tokens, 1, tokens.length));
        // '✓' is not in the vocabulary: it falls back to its three UTF-8 bytes.
        assertThat(tokens[tokens.length - 1]).isEqualTo(3 + 0x93);
    }

    @Test
    void invalidUtf8IsATypedError() {
        int byteC3 = 3 + 0xC3; // a lone UTF-8 lead byte
        assertThat(engine.detokenizeBytes(new int[] {byteC3})).containsExactly((byte) 0xC3);
        assertThatThrownBy(() -> engine.detokenize(new int[] {byteC3})).isInstanceOf(InvalidUtf8Exception.class);
    }

    @Test
    void greedyGenerationIsReproducible() {
        int[] prompt = engine.tokenize("the model token", true);
        Generation a = engine.generate(prompt, 40, TokenChooser.GREEDY);
        Generation b = engine.generate(prompt, 40, TokenChooser.GREEDY);
        assertThat(a.tokens()).isNotEmpty();
        assertThat(a).isEqualTo(b);
        assertThat(a.stop()).isIn(StopReason.MAX_TOKENS, StopReason.END_OF_GENERATION);
    }

    @Test
    void chooserSeesFullRowsAndPositions() {
        int[] prompt = engine.tokenize("hello", true);
        List<Integer> positions = new ArrayList<>();
        // Always pick token 10 + position: generation must follow the chooser, not the model.
        Generation g = engine.generate(prompt, 5, (pos, logits) -> {
            assertThat(logits).hasSize(556);
            positions.add(pos);
            return 300 + pos;
        });
        assertThat(g.tokens()).containsExactly(300, 301, 302, 303, 304);
        assertThat(positions).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void scoringMatchesGenerationLogits() {
        int[] prompt = engine.tokenize("the stake and the chain", true);
        List<float[]> generatedRows = new ArrayList<>();
        Generation g = engine.generate(prompt, 64, (pos, logits) -> {
            generatedRows.add(logits.clone());
            return TokenChooser.GREEDY.choose(pos, logits);
        }, false);
        int[] claimed = g.tokens();
        Scores s = engine.score(prompt, claimed);
        assertThat(s.rows()).isEqualTo(claimed.length);
        float maxDrift = 0;
        for (int i = 0; i < claimed.length; i++) {
            assertThat(s.argmax(i)).as("row %d", i).isEqualTo(claimed[i]);
            assertThat(s.claimedLogit(i)).isEqualTo(s.maxLogit(i));
            assertThat(s.top2Gap(i)).isGreaterThanOrEqualTo(0f);
            float[] row = s.row(i);
            for (int t = 0; t < row.length; t++) {
                maxDrift = Math.max(maxDrift, Math.abs(row[t] - generatedRows.get(i)[t]));
            }
        }
        assertThat(maxDrift).as("drift between one-pass scoring and generation").isLessThan(1e-3f);
    }

    @Test
    void scoringOneChunkMatchesTheSameRowsOfTheWholeClaim() {
        int[] prompt = engine.tokenize("a chunk of the claim", true);
        int[] claimed = engine.generate(prompt, 96, TokenChooser.GREEDY, false).tokens();
        Scores all = engine.score(prompt, claimed);
        Scores chunk = engine.score(prompt, claimed, 32, 64);
        assertThat(chunk.rows()).isEqualTo(32);
        assertThat(chunk.firstIndex()).isEqualTo(32);
        for (int i = 0; i < 32; i++) {
            assertThat(chunk.claimed(i)).isEqualTo(claimed[32 + i]);
            assertThat(chunk.argmax(i)).isEqualTo(all.argmax(32 + i));
            assertThat(chunk.claimedLogit(i)).isCloseTo(all.claimedLogit(32 + i), org.assertj.core.data.Offset.offset(1e-4f));
        }
        assertThatThrownBy(() -> engine.score(prompt, claimed, 64, 32)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> engine.score(prompt, claimed, 0, 97)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void changedClaimIsVisibleInScores() {
        int[] prompt = engine.tokenize("verify the runner", true);
        int[] claimed = engine.generate(prompt, 16, TokenChooser.GREEDY, false).tokens();
        int[] forged = claimed.clone();
        forged[5] = (forged[5] + 1) % 556;
        Scores s = engine.score(prompt, forged);
        assertThat(s.maxLogit(5) - s.claimedLogit(5)).isGreaterThan(0f);
        assertThat(s.argmax(5)).isEqualTo(claimed[5]);
    }

    @Test
    void scoringAcrossSeveralBatchesMatchesOneBatch() {
        int[] prompt = engine.tokenize("cocoon", true);
        int[] claimed = engine.generate(prompt, 100, TokenChooser.GREEDY, false).tokens();
        try (LlamaEngine small = LlamaEngine.open(TinyModel.path(),
                EngineOptions.defaults().withThreads(1).withContextLength(256).withBatch(32, 32))) {
            assertThat(small.engineId().value()).endsWith("-b32-ub32").isNotEqualTo(engine.engineId().value());
            // Same build, another batch shape: logits differ by rounding only, so each reproduces the other's jobs.
            assertThat(small.reproduces(engine.engineId())).isTrue();
            assertThat(engine.reproduces(small.engineId())).isTrue();
            Scores a = engine.score(prompt, claimed);
            Scores b = small.score(prompt, claimed);
            for (int i = 0; i < claimed.length; i++) {
                assertThat(b.argmax(i)).isEqualTo(a.argmax(i));
                assertThat(b.claimedLogit(i)).isCloseTo(a.claimedLogit(i), org.assertj.core.data.Offset.offset(1e-3f));
            }
            assertThat(small.generate(prompt, 100, TokenChooser.GREEDY, false).tokens()).containsExactly(claimed);
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameTokensAndLogits() {
        int[] prompt = engine.tokenize("two threads or one", true);
        Generation single = engine.generate(prompt, 48, TokenChooser.GREEDY, false);
        try (LlamaEngine two = LlamaEngine.open(TinyModel.path(), EngineOptions.defaults().withThreads(2).withContextLength(256))) {
            assertThat(two.engineId()).isEqualTo(engine.engineId());
            assertThat(two.generate(prompt, 48, TokenChooser.GREEDY, false)).isEqualTo(single);
            assertThat(two.score(prompt, single.tokens()).row(7)).containsExactly(engine.score(prompt, single.tokens()).row(7));
        }
    }

    @Test
    void badTokenIdsAreRefusedBeforeNativeCode() {
        int[] prompt = engine.tokenize("hi", true);
        assertThatThrownBy(() -> engine.score(prompt, new int[] {5, 556})).isInstanceOf(InvalidTokenException.class)
            .hasMessageContaining("claimed token #1 = 556");
        assertThatThrownBy(() -> engine.score(new int[] {1, -1}, new int[] {5})).isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> engine.generate(new int[] {Integer.MAX_VALUE}, 3, TokenChooser.GREEDY))
            .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> engine.generate(prompt, 3, (p, l) -> 99_999)).isInstanceOf(InvalidTokenException.class)
            .hasMessageContaining("chosen");
        assertThatThrownBy(() -> engine.detokenize(new int[] {600})).isInstanceOf(InvalidTokenException.class);
        // The engine still works afterwards.
        assertThat(engine.generate(prompt, 3, TokenChooser.GREEDY).tokens()).isNotEmpty();
    }

    @Test
    void promptLongerThanTheContextIsRefused() {
        int[] longPrompt = new int[257];
        java.util.Arrays.fill(longPrompt, 300);
        assertThatThrownBy(() -> engine.generate(longPrompt, 1, TokenChooser.GREEDY)).isInstanceOf(ContextOverflowException.class)
            .hasMessageContaining("257 tokens");
        int[] prompt = new int[200];
        java.util.Arrays.fill(prompt, 300);
        assertThatThrownBy(() -> engine.score(prompt, new int[58])).isInstanceOf(ContextOverflowException.class);
        assertThat(engine.score(prompt, new int[57]).rows()).isEqualTo(57);
    }

    @Test
    void generationStopsWhenTheContextIsFull() {
        int[] prompt = new int[250];
        java.util.Arrays.fill(prompt, 300);
        Generation g = engine.generate(prompt, 100, TokenChooser.GREEDY, false);
        assertThat(g.stop()).isEqualTo(StopReason.CONTEXT_FULL);
        assertThat(g.size()).isEqualTo(7);
    }
}
