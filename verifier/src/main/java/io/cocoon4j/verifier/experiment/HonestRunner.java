package io.cocoon4j.verifier.experiment;

import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.sampling.DrawSource;
import io.cocoon4j.protocol.sampling.Sampler;
import io.cocoon4j.protocol.sampling.SplitMix64Draws;
import io.cocoon4j.runner.engine.Generation;
import io.cocoon4j.runner.engine.LlamaEngine;

/**
 * Produces output tokens the way the protocol says a runner must: the engine's logits, then the
 * protocol {@link Sampler} with the job's public draws. Experiments also use it with other draws,
 * prompts or models to play cheats.
 */
public final class HonestRunner {
    private HonestRunner() {}

    /**
     * The honest output of {@code job} for {@code prompt} on {@code engine}: at most
     * {@code maxTokens}, and no more than the <em>job's</em> context has room for, whatever context
     * the engine was opened with (an engine with a bigger one stops where the job's is full).
     *
     * @throws IllegalArgumentException if the prompt does not fit the job's context, or the engine's
     *     context is too small for what the job allows
     */
    public static Generation run(LlamaEngine engine, JobSpec job, int[] prompt) {
        int room = job.contextRoom(prompt.length);
        if (room == 0) {
            throw new IllegalArgumentException("a prompt of " + prompt.length + " tokens does not fit the job's context of "
                + job.contextLength());
        }
        int limit = Math.min(job.maxTokens(), room);
        if (prompt.length + limit - 1 > engine.contextLength()) {
            throw new IllegalArgumentException("the job may need a context of " + (prompt.length + limit - 1)
                + " tokens; this engine has " + engine.contextLength());
        }
        SamplingSpec spec = job.sampling();
        DrawSource draws = spec instanceof SamplingSpec.Sampled s ? new SplitMix64Draws(s.seed()) : position -> 0.0;
        return run(engine, spec, draws, prompt, limit);
    }

    /** Output for {@code prompt} under {@code spec} with the given draws. */
    public static Generation run(LlamaEngine engine, SamplingSpec spec, DrawSource draws, int[] prompt, int maxTokens) {
        return engine.generate(prompt, maxTokens, (position, logits) -> Sampler.choose(logits, spec, draws, position));
    }
}
