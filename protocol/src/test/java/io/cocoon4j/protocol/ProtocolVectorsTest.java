package io.cocoon4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Recomputes every committed test vector; a change of encoding, hashing, PRNG or sampler fails here. */
class ProtocolVectorsTest {

    @Test
    void everyCommittedVectorIsReproduced() throws IOException {
        Map<String, String> committed = load();
        Map<String, String> computed = ProtocolVectors.compute();
        assertThat(committed).hasSizeGreaterThan(30);
        assertThat(computed).containsExactlyEntriesOf(committed);
    }

    @Test
    void knownAnswersFromOutsideThisCode() throws IOException {
        Map<String, String> committed = load();
        // SHA-256 of 0x04 || "llama.cpp b4916 cpu", computed independently with sha256sum:
        //   printf '\x04llama.cpp b4916 cpu' | sha256sum
        assertThat(committed.get("engine.hash")).isEqualTo("e6a96a7b665e900c070a21b0c4062f4835ed4d5b20511b23c1c2baebb51c5212");
        // Computed by a separate implementation written from the Javadoc alone (Python hashlib + struct):
        //   python3 protocol/src/test/python/independent_vectors.py
        assertThat(committed.get("input.commitment"))
            .isEqualTo("7aa48209c64a6c0e2b36e052508353fc65bd97f146ebdba888eec4a558692baf");
        assertThat(committed.get("greedyJob.chunkRoot"))
            .isEqualTo("b690e03362ee2c51996a6164248e1b03c2886ea241bfb518f72fdec9d43e20c8");
        assertThat(committed.get("greedyJob.resultHash"))
            .isEqualTo("cad938a686e4fd02b2dca4f003bb0a2b07e72cfb44e66a20dcdeff947fce6795");
        // The same script's SplitMix64 and sampler (the Javadoc's steps, Python floats) on the committed logits:
        // the draws and every token the Java sampler chose.
        String[] draws = {"157a3807a48faa9d", "d573529b34a1d093", "2f90b72e996dccbe", "a2d419334c4667ec", "1404ce914938008"};
        int[] sampled = {1, 23, 8, 19, 1};
        int[] plain = {12, 1, 27, 19, 13};
        assertThat(committed.get("sampler.greedy")).isEqualTo("23");
        for (int i = 0; i < 5; i++) {
            assertThat(committed.get("draw." + i)).startsWith(draws[i] + " ");
            assertThat(committed.get("sampler.sampled." + i)).startsWith(sampled[i] + " ");
            assertThat(committed.get("sampler.plain." + i)).isEqualTo(String.valueOf(plain[i]));
        }
    }

    static Map<String, String> load() throws IOException {
        Map<String, String> map = new LinkedHashMap<>();
        try (InputStream in = ProtocolVectorsTest.class.getResourceAsStream(ProtocolVectors.RESOURCE)) {
            assertThat(in).as("committed vectors at " + ProtocolVectors.RESOURCE).isNotNull();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf(" = ");
                map.put(line.substring(0, eq), line.substring(eq + 3));
            }
        }
        return map;
    }
}
