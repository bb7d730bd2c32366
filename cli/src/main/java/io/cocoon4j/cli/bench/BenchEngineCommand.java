package io.cocoon4j.cli.bench;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.runner.engine.EngineBenchmark;
import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon bench engine}: our JNA engine against de.kherud:llama's API on one native build. */
@Command(
    name = "engine",
    mixinStandardHelpOptions = true,
    description = {
        "Greedy tokens/s of the cocoon4j engine against de.kherud:llama on the same llama.cpp build.",
        "The cocoon4j engine (llama.cpp C API through JNA) against the same native library driven through"
            + " de.kherud:llama's own API, in the same run; plus teacher-forced scoring speed and the logit drift"
            + " between the two. The model is generated (small; tiny with --quick) in a temporary directory."})
public final class BenchEngineCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "Tiny model, 64 tokens, 2 runs (seconds instead of a minute).")
    boolean quick;

    @Option(names = "--shape", description = "Model shape: tiny, small (default) or medium.")
    String shape;

    @Option(names = "--threads", description = "CPU threads for both engines (default: min(4, cores)).")
    Integer threads;

    @Option(names = "--tokens", description = "Tokens per run (default: 128; 64 with --quick).")
    Integer tokens;

    @Option(names = "--runs", description = "Runs per engine; the best counts (default: 3; 2 with --quick).")
    Integer runs;

    @Mixin
    ReportOptions output;

    @Override
    public Integer call() throws Exception {
        ModelShape s = shape != null ? ModelShape.parse(shape) : quick ? ModelShape.TINY : ModelShape.SMALL;
        int th = threads != null ? threads : Math.min(4, Runtime.getRuntime().availableProcessors());
        int n = tokens != null ? tokens : quick ? 64 : 128;
        int reps = runs != null ? runs : quick ? 2 : 3;
        if (th < 1 || n < 1 || reps < 1) {
            throw new IllegalArgumentException("threads, tokens and runs must be positive");
        }
        Path dir = Files.createTempDirectory("cocoon-bench-engine");
        try {
            Path model = dir.resolve(s.id() + ".gguf");
            System.err.println("generating the " + s.id() + " model...");
            String sha = ModelGenerator.generate(ModelSpec.of(s), model);
            EngineBenchmark.Result r = EngineBenchmark.run(new EngineBenchmark.Config(model, th, n, reps), System.err::println);
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("model", s.id());
            out.put("model_sha256", sha);
            out.put("engine_id", r.engineId());
            out.put("threads", th);
            out.put("prompt_tokens", r.promptTokens());
            out.put("tokens", r.tokens());
            out.put("runs", reps);
            out.put("tokens_per_s", round(r.oursTokensPerS()));
            out.put("reference_tokens_per_s", round(r.referenceTokensPerS()));
            out.put("tokens_per_s_ratio", round(r.ratio()));
            out.put("target_ratio", 0.95);
            out.put("score_tokens_per_s", round(r.scoreTokensPerS()));
            out.put("score_speedup", round(r.scoreSpeedup()));
            out.put("same_greedy_text", r.sameText());
            out.put("max_logit_drift_generate_vs_score", r.maxLogitDrift());
            out.put("min_top2_gap", r.minTop2Gap());
            out.put("score_argmax_agreement", r.argmaxAgreement());
            out.put("load_average", loadAverage());
            output.print(out);
            return 0;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /** The machine's 1-minute load average, so noisy figures can be recognised as such. */
    private static Object loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (Exception e) {
            return null;
        }
    }
}
