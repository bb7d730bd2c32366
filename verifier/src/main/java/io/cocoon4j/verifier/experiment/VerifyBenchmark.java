package io.cocoon4j.verifier.experiment;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.runner.engine.Generation;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.verifier.Tolerances;
import io.cocoon4j.verifier.Verdict;
import io.cocoon4j.verifier.Verifier;
import io.cocoon4j.verifier.experiment.DriftMeasurement.Shape;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generate vs verify for the same job in the same process: the runner generates {@code tokens}
 * greedy tokens token by token, the verifier checks them with one teacher-forced pass plus the
 * protocol checks. Both use the same engine configuration; the ratio is what matters, since the
 * absolute times move with machine load.
 */
public final class VerifyBenchmark {
    private VerifyBenchmark() {}

    /**
     * @param generateNanos best generation time over the repeats
     * @param verifyNanos best full verification time (checks, hashing, teacher-forced pass)
     * @param scoreNanos the teacher-forced pass alone, in that best verification
     */
    public record Result(String model, int promptTokens, int tokens, int threads, long generateNanos, long verifyNanos,
                         long scoreNanos, boolean accepted) {
        public double ratio() {
            return (double) verifyNanos / generateNanos;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("prompt_tokens", promptTokens);
            m.put("tokens", tokens);
            m.put("threads", threads);
            m.put("generate_ms", generateNanos / 1e6);
            m.put("verify_ms", verifyNanos / 1e6);
            m.put("score_ms", scoreNanos / 1e6);
            m.put("generate_tokens_per_s", tokens / (generateNanos / 1e9));
            m.put("verify_tokens_per_s", tokens / (verifyNanos / 1e9));
            m.put("verify_generate_ratio", ratio());
            m.put("target_ratio", 0.3);
            m.put("stretch_ratio", 0.1);
            m.put("accepted", accepted);
            return m;
        }
    }

    /** The benchmark's fixed 16-token prompt (BOS first) for {@code shape}'s vocabulary. */
    public static int[] prompt(ModelShape shape) {
        int[] prompt = new int[16];
        prompt[0] = 1;
        for (int i = 1; i < prompt.length; i++) {
            prompt[i] = 3 + (i * 97) % (shape.vocab - 3);
        }
        return prompt;
    }

    /**
     * Logit drift on {@code shape}'s model for the calibration of τ: greedy generation with 1 and 2
     * threads and several batch shapes against a teacher-forced pass (see {@link DriftMeasurement}).
     */
    public static DriftMeasurement.Report drift(ModelCache models, ModelShape shape, int tokens) {
        ModelCache.Model model = models.get(ModelSpec.of(shape));
        return DriftMeasurement.measure(model.path(), prompt(shape), tokens,
            java.util.List.of(new Shape(1, 512, 512), new Shape(2, 512, 512), new Shape(1, 32, 16), new Shape(1, 7, 7)),
            new Shape(1, 512, 512));
    }

    /** Runs the benchmark on the generated model of {@code shape}. */
    public static Result run(ModelCache models, ModelShape shape, int tokens, int threads, int repeats, PrintStream log) {
        if (tokens < 1 || repeats < 1) {
            throw new IllegalArgumentException("tokens and repeats must be at least 1");
        }
        log.println("bench verify: preparing the " + shape.id() + " model");
        ModelCache.Model model = models.get(ModelSpec.of(shape));
        int[] prompt = prompt(shape);
        Shape config = new Shape(threads, 512, 512);
        int context = prompt.length + tokens + 16;
        try (LlamaEngine engine = LlamaEngine.open(model.path(), config.options(context))) {
            JobInput input = new JobInput(Hash32.fromHex("5a".repeat(32)), prompt);
            JobSpec job = new JobSpec(Hash32.fromHex("a5".repeat(32)), model.sha256(), engine.engineId(), context,
                input.commitment(), new SamplingSpec.Greedy(), tokens);
            Verifier verifier = new Verifier(engine, model.sha256(), Tolerances.forShape(shape.id()));
            // Warm up both paths (mapped weights, first-call allocations) before timing either.
            int[] warm = HonestRunner.run(engine, job.sampling(), p -> 0.0, prompt, Math.min(tokens, 8)).tokens();
            engine.score(prompt, warm);
            long bestGenerate = Long.MAX_VALUE;
            long bestVerify = Long.MAX_VALUE;
            long score = 0;
            boolean accepted = true;
            int produced = 0;
            ResultClaim claim = null;
            for (int r = 0; r < repeats; r++) {
                // Alternate which side runs first; the first round must generate the claim it then verifies.
                boolean verifyFirst = claim != null && r % 2 == 1;
                long verify = 0;
                Verdict verdict = null;
                if (verifyFirst) {
                    long t1 = System.nanoTime();
                    verdict = verifier.verify(job, claim, input);
                    verify = System.nanoTime() - t1;
                }
                long t0 = System.nanoTime();
                Generation g = HonestRunner.run(engine, job, prompt);
                long generate = System.nanoTime() - t0;
                claim = ResultClaim.of(job, g.tokens());
                if (!verifyFirst) {
                    long t1 = System.nanoTime();
                    verdict = verifier.verify(job, claim, input);
                    verify = System.nanoTime() - t1;
                }
                produced = g.size();
                accepted &= verdict.accepted();
                log.printf("bench verify: run %d (%s first): generate %.1f ms, verify %.1f ms (%s)%n", r + 1,
                    verifyFirst ? "verify" : "generate", generate / 1e6, verify / 1e6,
                    verdict.accepted() ? "accepted" : verdict);
                bestGenerate = Math.min(bestGenerate, generate);
                if (verify < bestVerify) {
                    bestVerify = verify;
                    score = verdict instanceof Verdict.Accepted a ? a.scoreNanos() : 0;
                }
            }
            return new Result(shape.id() + " (" + model.path().getFileName() + ")", prompt.length, produced, threads,
                bestGenerate, bestVerify, score, accepted);
        }
    }
}
