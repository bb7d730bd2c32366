package io.cocoon4j.runner.engine;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Measures greedy generation through {@link LlamaEngine} against the same native library driven
 * through {@code de.kherud:llama}'s own API (its embedded llama-server), in the same process, on
 * the same model, prompt, thread count and token count. Runs alternate between the two so that
 * background load hits both alike; the best run of each counts.
 */
public final class EngineBenchmark {
    /**
     * @param model       GGUF file to run
     * @param threads     CPU threads for both engines
     * @param tokens      tokens to generate per run (end-of-generation ignored)
     * @param repetitions runs per engine
     */
    public record Config(Path model, int threads, int tokens, int repetitions) {}

    /**
     * Figures of one benchmark run.
     *
     * @param engineId              our engine id
     * @param promptTokens          prompt length
     * @param tokens                tokens generated per run
     * @param oursTokensPerS        our greedy generation speed (prompt processing included)
     * @param referenceTokensPerS   de.kherud:llama's speed for the same work
     * @param ratio                 ours / reference
     * @param scoreTokensPerS       teacher-forced scoring speed of the generated tokens
     * @param scoreSpeedup          scoring speed / generation speed
     * @param sameText              whether both engines produced the same text (both greedy)
     * @param maxLogitDrift         largest |generation logit - scoring logit| over all positions and tokens
     * @param minTop2Gap            smallest gap between the two best logits seen during generation
     * @param argmaxAgreement       fraction of positions where the scoring argmax is the generated token
     */
    public record Result(String engineId, int promptTokens, int tokens, double oursTokensPerS,
                         double referenceTokensPerS, double ratio, double scoreTokensPerS, double scoreSpeedup,
                         boolean sameText, double maxLogitDrift, double minTop2Gap, double argmaxAgreement) {}

    static final String PROMPT = "The runner stakes TON, the verifier checks the proof, and the chain keeps the result";

    private EngineBenchmark() {}

    /** Runs the benchmark; progress lines go to {@code log}. */
    public static Result run(Config config, Consumer<String> log) throws IOException {
        if (!NativeLibraryLoader.bundled()) {
            throw new NativeEngineException("the engine benchmark compares against de.kherud:llama's bundled library;"
                + " unset -D" + NativeLibraryLoader.LIB_PROPERTY + " / " + NativeLibraryLoader.LIB_ENV);
        }
        EngineOptions options = EngineOptions.defaults().withThreads(config.threads()).withContextLength(512);
        long bestOurs = Long.MAX_VALUE;
        long bestRef = Long.MAX_VALUE;
        long bestScore = Long.MAX_VALUE;
        int[] ours;
        String oursText;
        String refText = null;
        try (LlamaEngine engine = LlamaEngine.open(config.model(), options);
             LlamaModel reference = openReference(config, engine)) {
            int[] prompt = engine.tokenize(PROMPT, true);
            ours = engine.generate(prompt, 4, TokenChooser.GREEDY, false).tokens(); // warm-up
            reference.complete(inference(4));
            for (int r = 0; r < config.repetitions(); r++) {
                // Alternate which engine goes first, so neither always runs on caches the other warmed.
                if (r % 2 == 1) {
                    long refNanos = timeReference(reference, config.tokens());
                    bestRef = Math.min(bestRef, refNanos);
                    log.accept(String.format("run %d: de.kherud:llama %.1f tokens/s", r + 1, perSecond(config.tokens(), refNanos)));
                }
                Generation g = engine.generate(prompt, config.tokens(), TokenChooser.GREEDY, false);
                ours = g.tokens();
                bestOurs = Math.min(bestOurs, g.nanos());
                log.accept(String.format("run %d: ours %.1f tokens/s", r + 1, perSecond(config.tokens(), g.nanos())));
                if (r % 2 == 0) {
                    long refNanos = timeReference(reference, config.tokens());
                    bestRef = Math.min(bestRef, refNanos);
                    log.accept(String.format("run %d: de.kherud:llama %.1f tokens/s", r + 1, perSecond(config.tokens(), refNanos)));
                }
                bestScore = Math.min(bestScore, engine.score(prompt, ours).nanos());
            }
            refText = reference.complete(inference(config.tokens()));
            oursText = new String(engine.detokenizeBytes(ours), StandardCharsets.UTF_8);
            Drift drift = drift(engine, prompt, config.tokens());
            double o = perSecond(config.tokens(), bestOurs);
            double ref = perSecond(config.tokens(), bestRef);
            double s = perSecond(config.tokens(), bestScore);
            return new Result(engine.engineId().value(), prompt.length, config.tokens(), o, ref, o / ref, s, s / o,
                oursText.strip().equals(refText.strip()), drift.maxDrift, drift.minGap, drift.agreement);
        }
    }

    private static long timeReference(LlamaModel reference, int tokens) {
        long t0 = System.nanoTime();
        reference.complete(inference(tokens));
        return System.nanoTime() - t0;
    }

    private record Drift(double maxDrift, double minGap, double agreement) {}

    /**
     * How far one-pass scoring logits drift from the logits seen while generating: the quantity a
     * verifier's tolerance must cover.
     */
    private static Drift drift(LlamaEngine engine, int[] prompt, int tokens) {
        java.util.List<float[]> rows = new java.util.ArrayList<>();
        Generation g = engine.generate(prompt, tokens, (pos, logits) -> {
            rows.add(logits.clone());
            return TokenChooser.GREEDY.choose(pos, logits);
        }, false);
        Scores s = engine.score(prompt, g.tokens());
        double maxDrift = 0;
        double minGap = Double.POSITIVE_INFINITY;
        int agree = 0;
        for (int i = 0; i < s.rows(); i++) {
            float[] scored = s.row(i);
            float[] generated = rows.get(i);
            for (int t = 0; t < scored.length; t++) {
                maxDrift = Math.max(maxDrift, Math.abs(scored[t] - generated[t]));
            }
            float[] sorted = generated.clone();
            java.util.Arrays.sort(sorted);
            minGap = Math.min(minGap, sorted[sorted.length - 1] - sorted[sorted.length - 2]);
            agree += s.argmax(i) == g.tokens()[i] ? 1 : 0;
        }
        return new Drift(maxDrift, minGap, agree / (double) s.rows());
    }

    private static InferenceParameters inference(int tokens) {
        return new InferenceParameters(PROMPT).setNPredict(tokens).setTemperature(0f).setTopK(1)
            .setIgnoreEos(true).setCachePrompt(false).setSeed(1);
    }

    /**
     * Opens the reference on exactly the library file our engine loaded, so both drive one native
     * build. de.kherud deletes {@code llama*} files in its temp directory: it gets a private one.
     */
    private static LlamaModel openReference(Config config, LlamaEngine engine) throws IOException {
        Path lib = NativeLibraryLoader.get().path();
        Path tmp = Files.createDirectories(lib.getParent().resolve("kherud-tmp"));
        System.setProperty("de.kherud.llama.lib.path", lib.getParent().toString());
        System.setProperty("de.kherud.llama.tmpdir", tmp.toString());
        LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> { });
        EngineOptions o = engine.options();
        return new LlamaModel(new ModelParameters().setModel(config.model().toString())
            .setThreads(config.threads()).setThreadsBatch(config.threads()).setCtxSize(o.contextLength())
            .setBatchSize(o.batchSize()).setUbatchSize(o.ubatchSize()).setParallel(1).disableLog());
    }

    private static double perSecond(int tokens, long nanos) {
        return tokens / (nanos / 1e9);
    }
}
