package io.cocoon4j.verifier.experiment;

import io.cocoon4j.runner.engine.EngineOptions;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.engine.Scores;
import io.cocoon4j.runner.engine.TokenChooser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures how far logits move between execution shapes, the numbers τ is calibrated from: greedy
 * generation under each runner configuration (threads × batch/ubatch), recording every logits row
 * the generator saw, against a teacher-forced pass of the same tokens under a reference scoring
 * configuration; plus generation against generation across configurations.
 */
public final class DriftMeasurement {
    private DriftMeasurement() {}

    /**
     * A runner configuration.
     *
     * @param threads CPU threads
     * @param batch tokens per decode call
     * @param ubatch tokens per physical batch
     */
    public record Shape(int threads, int batch, int ubatch) {
        public EngineOptions options(int contextLength) {
            return EngineOptions.defaults().withThreads(threads).withBatch(batch, ubatch).withContextLength(contextLength);
        }

        @Override
        public String toString() {
            return "t" + threads + "-b" + batch + "-ub" + ubatch;
        }
    }

    /**
     * Drift of one runner shape against the reference.
     *
     * @param shape the generating configuration
     * @param maxGenerateVsScore max |logit difference| between its generation rows and the reference score rows
     * @param maxGenerateVsGenerate max |difference| between its generation rows and the first shape's
     * @param sameTokens whether it generated exactly the first shape's tokens
     */
    public record ShapeDrift(Shape shape, double maxGenerateVsScore, double maxGenerateVsGenerate, boolean sameTokens) {}

    /**
     * The whole measurement.
     *
     * @param model file measured
     * @param positions output positions compared per shape
     * @param shapes per-shape drift
     * @param maxDrift the largest per-logit drift seen anywhere
     * @param smallestTop2Gap the smallest top-2 logit gap among the generated positions (how close greedy came to a tie)
     */
    public record Report(String model, int positions, List<ShapeDrift> shapes, double maxDrift, double smallestTop2Gap) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("model", model);
            m.put("positions", positions);
            m.put("max_drift", maxDrift);
            m.put("smallest_top2_gap", smallestTop2Gap);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (ShapeDrift d : shapes) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("shape", d.shape().toString());
                r.put("generate_vs_score", d.maxGenerateVsScore());
                r.put("generate_vs_generate", d.maxGenerateVsGenerate());
                r.put("same_tokens", d.sameTokens());
                rows.add(r);
            }
            m.put("shapes", rows);
            return m;
        }
    }

    /**
     * Generates {@code maxTokens} greedy tokens after {@code prompt} under every shape and compares.
     * Generation keeps going past end-of-generation tokens so every shape covers every position.
     */
    public static Report measure(Path model, int[] prompt, int maxTokens, List<Shape> shapes, Shape scoring) {
        int context = prompt.length + maxTokens + 8;
        List<float[]> firstRows = null;
        int[] firstTokens = null;
        List<ShapeDrift> drifts = new ArrayList<>();
        double maxDrift = 0;
        double smallestGap = Double.POSITIVE_INFINITY;
        for (Shape shape : shapes) {
            List<float[]> rows = new ArrayList<>();
            int[] tokens;
            try (LlamaEngine engine = LlamaEngine.open(model, shape.options(context))) {
                tokens = engine.generate(prompt, maxTokens, (position, logits) -> {
                    rows.add(logits.clone());
                    return TokenChooser.GREEDY.choose(position, logits);
                }, false).tokens();
            }
            Scores scores;
            try (LlamaEngine engine = LlamaEngine.open(model, scoring.options(context))) {
                scores = engine.score(prompt, tokens);
            }
            double vsScore = 0;
            for (int i = 0; i < tokens.length; i++) {
                vsScore = Math.max(vsScore, maxAbsDiff(rows.get(i), scores.row(i)));
                smallestGap = Math.min(smallestGap, scores.top2Gap(i));
            }
            double vsGenerate = 0;
            boolean same = true;
            if (firstRows == null) {
                firstRows = rows;
                firstTokens = tokens;
            } else {
                same = java.util.Arrays.equals(tokens, firstTokens);
                for (int i = 0; i < Math.min(rows.size(), firstRows.size()) && (same || i == 0); i++) {
                    vsGenerate = Math.max(vsGenerate, maxAbsDiff(rows.get(i), firstRows.get(i)));
                }
            }
            drifts.add(new ShapeDrift(shape, vsScore, vsGenerate, same));
            maxDrift = Math.max(maxDrift, Math.max(vsScore, vsGenerate));
        }
        return new Report(model.getFileName().toString(), maxTokens, drifts, maxDrift, smallestGap);
    }

    static double maxAbsDiff(float[] a, float[] b) {
        double max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((double) a[i] - b[i]));
        }
        return max;
    }
}
