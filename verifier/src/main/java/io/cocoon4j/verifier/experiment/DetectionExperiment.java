package io.cocoon4j.verifier.experiment;

import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.sampling.Sampler;
import io.cocoon4j.protocol.sampling.SplitMix64Draws;
import io.cocoon4j.protocol.sampling.Tolerance;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.model.ModelGenerator.ModelSpec;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.runner.model.WeightType;
import io.cocoon4j.verifier.Verdict;
import io.cocoon4j.verifier.Verifier;
import io.cocoon4j.verifier.Tolerances;
import io.cocoon4j.verifier.experiment.DriftMeasurement.Shape;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Honest results must always pass and every cheat must always fail. On the tiny generated model:
 * honest jobs (greedy and sampled, alternating) are generated under a rotation of runner shapes
 * (1 and 2 threads; batch/ubatch 512/512, 64/64, 32/16, 16/8, 7/7, 3/3, 1/1) and verified by verifiers with other
 * shapes; then each {@link Cheat} is played on fresh jobs and must be rejected. A cheat whose
 * output happens to equal the honest output token for token (a lower-precision model that agrees
 * everywhere, say) is not a wrong result: such attempts are counted apart, and the experiment draws
 * more jobs (up to {@value #ATTEMPTS_PER_TRIAL} per wanted trial) until it has the wanted number of
 * trials whose output the cheat changed.
 */
public final class DetectionExperiment {
    // Two threads in two of eight slots: llama.cpp's OpenMP threads spin at barriers, which on a loaded
    // 2-core machine costs seconds per job unless OMP_WAIT_POLICY=PASSIVE; thread count never changed a
    // logit in the drift measurements anyway.
    private static final List<Shape> RUNNER_SHAPES = List.of(new Shape(1, 512, 512), new Shape(2, 7, 7),
        new Shape(1, 1, 1), new Shape(2, 512, 512), new Shape(1, 32, 16), new Shape(1, 64, 64), new Shape(1, 3, 3),
        new Shape(1, 16, 8));
    private static final List<Shape> VERIFIER_SHAPES = List.of(new Shape(1, 512, 512), new Shape(1, 64, 32));
    /** Jobs tried per wanted trial before giving up on finding outputs a cheat changes. */
    private static final int ATTEMPTS_PER_TRIAL = 40;
    private static final SamplingSpec.Sampled SAMPLED = new SamplingSpec.Sampled(800, 40, 950_000, 50_000, 0);
    private static final int CONTEXT = 256;

    private DetectionExperiment() {}

    /**
     * @param honestJobs honest jobs to verify (the false-positive sample)
     * @param trialsPerCheat wanted trials per cheat in which the cheat changed the output
     * @param maxTokens output tokens per job (at most {@value #CONTEXT} minus the prompt)
     * @param seed varies prompts, job ids and sampling seeds
     * @param tolerance τ the verifiers use (calibration sweeps vary it)
     * @param shape the generated model the jobs run on, at its default precision (honest runners
     *              and verifiers); lower-precision cheats not below that precision are skipped
     */
    public record Config(int honestJobs, int trialsPerCheat, int maxTokens, long seed, Tolerance tolerance,
                         ModelShape shape) {
        /** With the calibrated tolerance of the tiny model. */
        public Config(int honestJobs, int trialsPerCheat, int maxTokens, long seed) {
            this(honestJobs, trialsPerCheat, maxTokens, seed, Tolerances.TINY);
        }

        /** On the tiny model. */
        public Config(int honestJobs, int trialsPerCheat, int maxTokens, long seed, Tolerance tolerance) {
            this(honestJobs, trialsPerCheat, maxTokens, seed, tolerance, ModelShape.TINY);
        }

        public Config {
            java.util.Objects.requireNonNull(tolerance, "tolerance");
            java.util.Objects.requireNonNull(shape, "shape");
            if (honestJobs < 0 || trialsPerCheat < 0 || maxTokens < 2 || maxTokens > CONTEXT - 32) {
                throw new IllegalArgumentException("need honestJobs, trialsPerCheat >= 0 and 2 <= maxTokens <= "
                    + (CONTEXT - 32));
            }
        }
    }

    /**
     * One cheat's outcome.
     *
     * @param trials jobs on which the cheat changed the output (wrong results)
     * @param identical further jobs on which the cheat's output equalled the honest output (not a wrong result)
     * @param detected wrong results rejected
     * @param greedyTrials the trials that were greedy jobs (the rest were sampled)
     * @param greedyDetected the greedy trials rejected
     * @param flagged wrong results accepted (within τ everywhere) but with margin hits
     *     ({@link Verdict.Accepted#marginHits()}): not provable, but flagged for audit
     * @param reasons how the rejections were found
     */
    public record CheatResult(Cheat cheat, int trials, int identical, int detected, int greedyTrials, int greedyDetected,
                              int flagged, Map<Verdict.Reason, Integer> reasons) {
        /** Detected / trials; NaN when the cheat never changed an output. */
        public double detectionRate() {
            return trials == 0 ? Double.NaN : (double) detected / trials;
        }

        /** (Detected + flagged) / trials. */
        public double detectedOrFlaggedRate() {
            return trials == 0 ? Double.NaN : (double) (detected + flagged) / trials;
        }
    }

    /**
     * @param model the model the jobs ran on, in words
     * @param honestJobs honest jobs verified
     * @param falsePositives honest jobs rejected
     * @param honestFlagged honest jobs accepted with margin hits (the false-flag count of the audit signal)
     * @param largestHonestGap the largest {@code max - claimed} logit gap an accepted honest token had
     * @param tau the tolerance used
     * @param cheats per-cheat results
     * @param nanos wall time of the whole experiment
     */
    public record Report(String model, int honestJobs, int falsePositives, int honestFlagged, double largestHonestGap,
                         double tau, List<CheatResult> cheats, long nanos) {
        public double falsePositiveRate() {
            return honestJobs == 0 ? 0 : (double) falsePositives / honestJobs;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("tau", tau);
            m.put("honest_jobs", honestJobs);
            m.put("false_positives", falsePositives);
            m.put("false_positive_rate", falsePositiveRate());
            m.put("honest_flagged", honestFlagged);
            m.put("largest_honest_greedy_gap", largestHonestGap);
            Map<String, Object> rates = new LinkedHashMap<>();
            Map<String, Object> flaggedRates = new LinkedHashMap<>();
            Map<String, Object> details = new LinkedHashMap<>();
            for (CheatResult c : cheats) {
                rates.put(c.cheat().key(), c.detectionRate());
                flaggedRates.put(c.cheat().key(), c.detectedOrFlaggedRate());
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("trials", c.trials());
                d.put("identical_to_honest_skipped", c.identical());
                d.put("detected", c.detected());
                d.put("greedy_trials", c.greedyTrials());
                d.put("greedy_detected", c.greedyDetected());
                d.put("sampled_trials", c.trials() - c.greedyTrials());
                d.put("sampled_detected", c.detected() - c.greedyDetected());
                d.put("accepted_but_flagged", c.flagged());
                Map<String, Integer> reasons = new LinkedHashMap<>();
                c.reasons().forEach((k, v) -> reasons.put(k.name().toLowerCase(java.util.Locale.ROOT), v));
                d.put("caught_by", reasons);
                details.put(c.cheat().key(), d);
            }
            m.put("detection_rate", rates);
            m.put("detected_or_flagged_rate", flaggedRates);
            m.put("cheats", details);
            m.put("seconds", nanos / 1e9);
            return m;
        }
    }

    /** Runs the experiment; progress goes to {@code log}. */
    public static Report run(ModelCache models, Config config, PrintStream log) {
        long t0 = System.nanoTime();
        ModelShape shape = config.shape();
        ModelCache.Model honest = models.get(ModelSpec.of(shape));
        List<LlamaEngine> opened = new ArrayList<>();
        try {
            List<LlamaEngine> runners = new ArrayList<>();
            for (Shape s : RUNNER_SHAPES) {
                runners.add(open(opened, honest, s));
            }
            List<Verifier> verifiers = new ArrayList<>();
            for (Shape s : VERIFIER_SHAPES) {
                verifiers.add(new Verifier(open(opened, honest, s), honest.sha256(), config.tolerance()));
            }
            Jobs jobs = new Jobs(honest.sha256(), runners.get(0).engineId(), config, runners.get(0).vocabSize());

            int falsePositives = 0;
            int honestFlagged = 0;
            double largestGap = 0;
            long[] shapeNanos = new long[runners.size()];
            for (int i = 0; i < config.honestJobs(); i++) {
                Jobs.Job job = jobs.job(i);
                LlamaEngine runner = runners.get(i % runners.size());
                long jobStart = System.nanoTime();
                ResultClaim claim = ResultClaim.of(job.spec(), HonestRunner.run(runner, job.spec(), job.prompt()).tokens());
                Verdict verdict = verifiers.get((i / runners.size()) % verifiers.size())
                    .verify(job.spec(), claim, job.input());
                shapeNanos[i % runners.size()] += System.nanoTime() - jobStart;
                if (verdict instanceof Verdict.Accepted a) {
                    largestGap = Math.max(largestGap, a.largestGap());
                    if (a.marginHits() > 0) {
                        honestFlagged++;
                        log.println("honest job " + i + " flagged: " + a);
                    }
                } else {
                    falsePositives++;
                    log.println("FALSE POSITIVE job " + i + " (" + RUNNER_SHAPES.get(i % runners.size()) + "): " + verdict);
                }
            }
            for (int s = 0; s < runners.size(); s++) {
                log.printf("runner shape %s: %.1f ms per honest job (generate + verify)%n", RUNNER_SHAPES.get(s),
                    shapeNanos[s] / 1e6 / Math.max(1, (config.honestJobs() + runners.size() - 1 - s) / runners.size()));
            }
            log.printf("honest: %d jobs, %d false positives, %d flagged, largest accepted greedy gap %.3g%n",
                config.honestJobs(), falsePositives, honestFlagged, largestGap);

            Map<Cheat, LlamaEngine> cheatEngines = new EnumMap<>(Cheat.class);
            Shape cheatShape = RUNNER_SHAPES.get(0);
            cheatEngines.put(Cheat.OTHER_MODEL, open(opened,
                models.get(new ModelSpec(shape, ModelSpec.DEFAULT_SEED + 1, shape.defaultType)), cheatShape));
            // A "lower-precision copy" at or above the honest precision is no cheat (small and medium are f16).
            if (WeightType.F16.ordinal() > shape.defaultType.ordinal()) {
                cheatEngines.put(Cheat.LOWER_PRECISION_F16, open(opened,
                    models.get(new ModelSpec(shape, ModelSpec.DEFAULT_SEED, WeightType.F16)), cheatShape));
            }
            cheatEngines.put(Cheat.LOWER_PRECISION_Q8_0, open(opened,
                models.get(new ModelSpec(shape, ModelSpec.DEFAULT_SEED, WeightType.Q8_0)), cheatShape));

            List<CheatResult> results = new ArrayList<>();
            int base = config.honestJobs();
            for (Cheat cheat : Cheat.values()) {
                if (cheat == Cheat.LOWER_PRECISION_F16 && !cheatEngines.containsKey(cheat)) {
                    continue;
                }
                int trials = 0;
                int identical = 0;
                int detected = 0;
                int greedyTrials = 0;
                int greedyDetected = 0;
                int flagged = 0;
                Map<Verdict.Reason, Integer> reasons = new EnumMap<>(Verdict.Reason.class);
                int attempts = config.trialsPerCheat() * ATTEMPTS_PER_TRIAL;
                for (int a = 0; a < attempts && trials < config.trialsPerCheat(); a++) {
                    // The seed cheat needs sampled jobs; the others alternate greedy and sampled like honest jobs.
                    int index = base + (cheat == Cheat.OTHER_SAMPLING_SEED ? 2 * a + 1 - (base & 1) : a);
                    Jobs.Job job = jobs.job(index);
                    LlamaEngine runner = runners.get(0);
                    int[] truth = HonestRunner.run(runner, job.spec(), job.prompt()).tokens();
                    int[] lie = play(cheat, job, truth, runner, cheatEngines.get(cheat), jobs, index);
                    if (Arrays.equals(lie, truth)) {
                        identical++;
                        continue;
                    }
                    trials++;
                    boolean greedy = job.spec().sampling() instanceof SamplingSpec.Greedy;
                    greedyTrials += greedy ? 1 : 0;
                    Verdict verdict = verifiers.get(a % verifiers.size())
                        .verify(job.spec(), ResultClaim.of(job.spec(), lie), job.input());
                    if (verdict instanceof Verdict.Rejected r) {
                        detected++;
                        greedyDetected += greedy ? 1 : 0;
                        reasons.merge(r.reason(), 1, Integer::sum);
                    } else {
                        flagged += ((Verdict.Accepted) verdict).marginHits() > 0 ? 1 : 0;
                        log.println("MISSED " + cheat + " on job " + index + ": " + verdict);
                    }
                }
                CheatResult result = new CheatResult(cheat, trials, identical, detected, greedyTrials, greedyDetected,
                    flagged, reasons);
                log.printf("%-22s trials %d (greedy %d), identical %d, detected %d (greedy %d), flagged %d, rate %.3f %s%n",
                    cheat.key(), trials, greedyTrials, identical, detected, greedyDetected, flagged, result.detectionRate(),
                    reasons);
                results.add(result);
                base += 2 * attempts;
            }
            String model = String.format(java.util.Locale.ROOT, "%s (%d x %d, %s, seed %d)", shape.id(), shape.layers,
                shape.embedding, shape.defaultType.name().toLowerCase(java.util.Locale.ROOT), ModelSpec.DEFAULT_SEED);
            return new Report(model, config.honestJobs(), falsePositives, honestFlagged, largestGap, config.tolerance().tau(), results,
                System.nanoTime() - t0);
        } finally {
            opened.forEach(LlamaEngine::close);
        }
    }

    private static int[] play(Cheat cheat, Jobs.Job job, int[] truth, LlamaEngine runner, LlamaEngine other, Jobs jobs,
                              int index) {
        SplitMix64Draws rnd = new SplitMix64Draws(index * 31L + cheat.ordinal());
        int n = truth.length;
        switch (cheat) {
            case ONE_TOKEN_CHANGED -> {
                int[] lie = truth.clone();
                int pos = (int) (rnd.uniform(0) * n);
                int vocab = runner.vocabSize();
                lie[pos] = (truth[pos] + 1 + (int) (rnd.uniform(1) * (vocab - 1))) % vocab;
                return lie;
            }
            case TRUNCATED -> {
                return n < 2 ? truth : Arrays.copyOf(truth, n - 1 - (int) (rnd.uniform(0) * (n - 1)));
            }
            case EXTENDED -> {
                int extra = 1 + (int) (rnd.uniform(0) * 8);
                SamplingSpec spec = job.spec().sampling();
                SplitMix64Draws draws = new SplitMix64Draws(spec instanceof SamplingSpec.Sampled s ? s.seed() : 0);
                return runner.generate(job.prompt(), n + extra,
                    (position, logits) -> Sampler.choose(logits, spec, draws, position), false).tokens();
            }
            case OTHER_MODEL, LOWER_PRECISION_F16, LOWER_PRECISION_Q8_0 -> {
                return HonestRunner.run(other, job.spec(), job.prompt()).tokens();
            }
            case OTHER_PROMPT -> {
                return HonestRunner.run(runner, job.spec(), jobs.job(index + 1_000_000).prompt()).tokens();
            }
            case OTHER_SAMPLING_SEED -> {
                SamplingSpec.Sampled s = (SamplingSpec.Sampled) job.spec().sampling();
                return HonestRunner.run(runner, s, new SplitMix64Draws(s.seed() + 1), job.prompt(), job.spec().maxTokens())
                    .tokens();
            }
            default -> throw new IllegalStateException("unhandled cheat " + cheat);
        }
    }

    private static LlamaEngine open(List<LlamaEngine> opened, ModelCache.Model model, Shape shape) {
        LlamaEngine e = LlamaEngine.open(model.path(), shape.options(CONTEXT));
        opened.add(e);
        return e;
    }

    /** Deterministic jobs: index → prompt, salt, job id and (for odd indexes) a sampled spec with its own seed. */
    static final class Jobs {
        record Job(JobSpec spec, int[] prompt, JobInput input) {}

        private final Hash32 model;
        private final EngineId engine;
        private final Config config;
        private final int vocab;

        Jobs(Hash32 model, EngineId engine, Config config, int vocab) {
            this.model = model;
            this.engine = engine;
            this.config = config;
            this.vocab = vocab;
        }

        Job job(int index) {
            SplitMix64Draws rnd = new SplitMix64Draws(config.seed() ^ (index * 0x9E3779B97F4A7C15L));
            int length = 3 + (int) (rnd.uniform(0) * 14);
            int[] prompt = new int[length];
            prompt[0] = 1; // BOS
            for (int i = 1; i < length; i++) {
                prompt[i] = 3 + (int) (rnd.uniform(i) * (vocab - 3));
            }
            Hash32 salt = bytes(rnd, 100);
            SamplingSpec sampling = index % 2 == 0 ? new SamplingSpec.Greedy()
                : new SamplingSpec.Sampled(SAMPLED.temperatureMilli(), SAMPLED.topK(), SAMPLED.topPMicro(),
                    SAMPLED.minPMicro(), rnd.next64(200));
            JobInput input = new JobInput(salt, prompt);
            JobSpec spec = new JobSpec(bytes(rnd, 300), model, engine, CONTEXT, input.commitment(), sampling,
                config.maxTokens());
            return new Job(spec, prompt, input);
        }

        private static Hash32 bytes(SplitMix64Draws rnd, int at) {
            byte[] b = new byte[32];
            for (int i = 0; i < 4; i++) {
                long v = rnd.next64(at + i);
                for (int j = 0; j < 8; j++) {
                    b[i * 8 + j] = (byte) (v >>> (56 - 8 * j));
                }
            }
            return Hash32.of(b);
        }
    }
}
