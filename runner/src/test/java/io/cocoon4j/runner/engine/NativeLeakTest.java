package io.cocoon4j.runner.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Opening and closing an engine must give its native memory back. Measured in a child JVM so that
 * other tests' allocations (or their release) cannot blur the figure.
 */
class NativeLeakTest {
    private static final Path STATUS = Path.of("/proc/self/status");

    /** Child JVM: 5 warm-up cycles, then prints the RSS growth (KiB) over 100 load/close cycles. */
    public static void main(String[] args) throws Exception {
        EngineOptions options = EngineOptions.defaults().withThreads(1).withContextLength(128);
        Path model = Path.of(args[0]);
        int[] prompt = {1, 300, 301};
        for (int i = 0; i < 5; i++) { // library, JIT, allocator pools
            cycle(model, options, prompt);
        }
        System.gc();
        long before = rssKb();
        for (int i = 0; i < 100; i++) {
            cycle(model, options, prompt);
        }
        System.gc();
        System.out.println(rssKb() - before);
    }

    @Test
    void hundredLoadCloseCyclesGrowRssByLessThan50Mb() throws Exception {
        assumeTrue(Files.isReadable(STATUS), "needs /proc/self/status (Linux) to read the resident set size");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), NativeLeakTest.class.getName(),
            TinyModel.path().toAbsolutePath().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new String(p.getInputStream().readAllBytes()).lines().toList();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        long growthKb = Long.parseLong(out.get(out.size() - 1).trim());
        System.err.printf("RSS growth over 100 load/close cycles: %d KiB%n", growthKb);
        assertThat(growthKb).as("RSS growth over 100 cycles, KiB").isLessThan(50 * 1024);
    }

    private static void cycle(Path model, EngineOptions options, int[] prompt) {
        try (LlamaEngine e = LlamaEngine.open(model, options)) {
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
