package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Opening and closing an engine must give its native memory back. */
class NativeLeakTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    @Test
    void hundredLoadCloseCyclesGrowRssByLessThan50Mb() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux) to read the resident set size");
        EngineOptions options = EngineOptions.defaults().withThreads(1).withContextLength(128);
        int[] prompt = {1, 300, 301};
        for (int i = 0; i < 5; i++) { // warm-up: library, JIT, allocator pools
            cycle(options, prompt);
        }
        System.gc();
        long before = rssKb();
        for (int i = 0; i < 100; i++) {
            cycle(options, prompt);
        }
        System.gc();
        long growthKb = rssKb() - before;
        System.err.printf("RSS growth over 100 load/close cycles: %d KiB%n", growthKb);
        assertThat(growthKb).as("RSS growth over 100 cycles, KiB").isLessThan(50 * 1024);
    }

    private static void cycle(EngineOptions options, int[] prompt) {
        try (LlamaEngine e = LlamaEngine.open(TinyModel.path(), options)) {
            e.score(prompt, e.generate(prompt, 4, TokenChooser.GREEDY, false).tokens());
        }
    }

    private static long rssKb() throws Exception {
        for (String line : Files.readAllLines(STATUS)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS line");
    }
}
