package io.cocoon4j.runner.chain;

import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.wrappers.root.Sampling;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Converts between the protocol's {@link JobSpec} and the contracts' {@code JobSpec} cell. The chain
 * keeps only fixed-width hashes of the engine id ({@link EngineId#hash()}) and of the sampling spec
 * ({@link #samplingHash}: SHA-256 of its 25-byte canonical encoding, the seed included), so reading a
 * spec back needs the values those hashes name: this catalogue knows greedy sampling always, plus the
 * engines and sampled specs it is given. A spec naming anything else cannot be read back, and a
 * runner treats that job as one it cannot serve.
 */
public final class ChainSpecs {
    private final Map<Hash32, EngineId> engines = new HashMap<>();
    private final Map<Hash32, SamplingSpec> samplings = new HashMap<>();

    /**
     * @param engines the engine ids this party can name (a runner: its own)
     * @param sampled sampled specs it knows besides greedy (their parameters are not on-chain)
     */
    public ChainSpecs(Collection<EngineId> engines, Collection<? extends SamplingSpec> sampled) {
        for (EngineId e : engines) {
            this.engines.put(e.hash(), e);
        }
        SamplingSpec greedy = new SamplingSpec.Greedy();
        samplings.put(samplingHash(greedy), greedy);
        for (SamplingSpec s : sampled) {
            samplings.put(samplingHash(s), s);
        }
    }

    /** SHA-256 of {@link SamplingSpec#encode()}: the {@code spec_hash} of the contracts' {@code Sampling}. */
    public static Hash32 samplingHash(SamplingSpec sampling) {
        try {
            return Hash32.of(MessageDigest.getInstance("SHA-256").digest(sampling.encode()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The seed the contracts record: the sampled spec's public seed, 0 for greedy. */
    static long seed(SamplingSpec sampling) {
        return sampling instanceof SamplingSpec.Sampled s ? s.seed() : 0L;
    }

    /** The contracts' spec for a job on these terms. */
    public static io.cocoon4j.wrappers.root.JobSpec toChain(Hash32 modelSha256, EngineId engine, int contextLength,
            Hash32 inputCommitment, SamplingSpec sampling, int maxTokens, long pricePerToken) {
        Objects.requireNonNull(engine, "engine");
        Sampling s = new Sampling(Bits.of(samplingHash(sampling).bytes()),
            new BigInteger(Long.toUnsignedString(seed(sampling))), contextLength, Bits.of(engine.hash().bytes()));
        return new io.cocoon4j.wrappers.root.JobSpec(Bits.of(modelSha256.bytes()), Bits.of(inputCommitment.bytes()),
            maxTokens, BigInteger.valueOf(pricePerToken), s);
    }

    /**
     * The protocol's spec of job {@code jobId} as the chain holds it, empty if its engine or sampling
     * hash names nothing this catalogue knows (or its numbers do not fit the protocol's ranges).
     */
    public Optional<JobSpec> fromChain(Hash32 jobId, io.cocoon4j.wrappers.root.JobSpec chain) {
        Sampling s = chain.sampling();
        EngineId engine = engines.get(Hash32.of(s.engineId().toByteArray()));
        SamplingSpec sampling = samplings.get(Hash32.of(s.specHash().toByteArray()));
        if (engine == null || sampling == null || seed(sampling) != s.seed().longValue()
                || s.contextLength() < 1 || s.contextLength() > Integer.MAX_VALUE
                || chain.maxTokens() < 1 || chain.maxTokens() > Integer.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(new JobSpec(jobId, Hash32.of(chain.model().toByteArray()), engine, (int) s.contextLength(),
            Hash32.of(chain.inputCommitment().toByteArray()), sampling, (int) chain.maxTokens()));
    }
}
