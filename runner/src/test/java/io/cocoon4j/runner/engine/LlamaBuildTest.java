package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.protocol.EngineId;
import org.junit.jupiter.api.Test;

/** Engine ids are the protocol's; the runner only writes and reads its own llama.cpp form of them. */
class LlamaBuildTest {
    private static final LlamaBuild CPU = new LlamaBuild("b4916", "c6af2161", "cpu", "93276c536d00");

    @Test
    void writesTheDocumentedForm() {
        // Written out by hand from the Javadoc, not from the code.
        assertThat(CPU.engineId(512, 512))
            .isEqualTo(new EngineId("llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq1-nocache-b512-ub512"));
    }

    @Test
    void readsBackWhatItWrites() {
        assertThat(LlamaBuild.of(CPU.engineId(16, 8))).contains(CPU);
        LlamaBuild cuda = new LlamaBuild("b4916", "c6af2161", "cuda0", "0123456789ab");
        assertThat(LlamaBuild.of(cuda.engineId(512, 128))).contains(cuda);
    }

    @Test
    void idsOfAnotherFormOrProfileNameNoBuild() {
        for (String id : new String[] {
            "llama.cpp b4916 cpu",
            "llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq2-nocache-b512-ub512",
            "llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq1-cache-b512-ub512",
            "llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq1-nocache-b0-ub512",
            "llama.cpp-b4916-c6af2161/cpu/lib-93276C536D00/seq1-nocache-b512-ub512",
            "llama.cpp-b4916-c6af2161/cpu/lib-93276c536d00/seq1-nocache-b512-ub512/extra",
            "vllm-0.6/cuda0/lib-93276c536d00/seq1-nocache-b512-ub512"}) {
            assertThat(LlamaBuild.of(new EngineId(id))).as(id).isEmpty();
        }
    }

    @Test
    void partsThatWouldMakeTheIdAmbiguousAreRefused() {
        assertThatThrownBy(() -> new LlamaBuild("b-4916", "c6af2161", "cpu", "93276c536d00"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("build");
        assertThatThrownBy(() -> new LlamaBuild("b4916", "c6af/2161", "cpu", "93276c536d00"))
            .hasMessageContaining("commit");
        assertThatThrownBy(() -> new LlamaBuild("b4916", "c6af2161", "", "93276c536d00")).hasMessageContaining("backend");
        assertThatThrownBy(() -> new LlamaBuild("b4916", "c6af2161", "cpu", "93276c")).hasMessageContaining("library");
        assertThatThrownBy(() -> CPU.engineId(0, 512)).hasMessageContaining("batch");
    }
}
