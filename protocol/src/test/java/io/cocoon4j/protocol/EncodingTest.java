package io.cocoon4j.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The canonical encodings are injective: different fields never give the same bytes or hash. */
class EncodingTest {
    private static final EngineId ENGINE = new EngineId("llama.cpp b4916 cpu");

    @Property(tries = 200)
    void differentOutputsGiveDifferentResultHashesAndRoots(@ForAll("tokens") int[] a, @ForAll("tokens") int[] b) {
        Assume.that(!Arrays.equals(a, b));
        JobSpec job = job(new SamplingSpec.Greedy(), 200);
        ResultClaim ca = ResultClaim.of(job, a);
        ResultClaim cb = ResultClaim.of(job, b);
        assertThat(ca.resultHash()).isNotEqualTo(cb.resultHash());
        assertThat(ca.chunkRoot()).isNotEqualTo(cb.chunkRoot());
    }

    @Property(tries = 100)
    void movingTheChunkBoundaryChangesTheCommitment(@ForAll("tokens") int[] a) {
        Assume.that(a.length > 1);
        // Dropping the last token keeps every other chunk's bytes but must change the root.
        int[] shorter = Arrays.copyOf(a, a.length - 1);
        JobSpec job = job(new SamplingSpec.Greedy(), 200);
        assertThat(ResultClaim.of(job, shorter).chunkRoot()).isNotEqualTo(ResultClaim.of(job, a).chunkRoot());
    }

    @Property(tries = 200)
    void samplingSpecsEncodeInjectivelyAtFixedWidth(@ForAll("specs") SamplingSpec a, @ForAll("specs") SamplingSpec b) {
        assertThat(a.encode()).hasSize(25);
        assertThat(Arrays.equals(a.encode(), b.encode())).isEqualTo(a.equals(b));
    }

    @Property(tries = 100)
    void inputCommitmentsSeparateSaltAndTokens(@ForAll("tokens") int[] a, @ForAll("tokens") int[] b,
                                               @ForAll @IntRange(min = 0, max = 255) int saltStart) {
        Assume.that(!Arrays.equals(a, b));
        Hash32 salt = ProtocolVectors.counting(saltStart);
        assertThat(InputCommitment.of(salt, a)).isNotEqualTo(InputCommitment.of(salt, b));
        assertThat(InputCommitment.of(salt, a)).isNotEqualTo(InputCommitment.of(ProtocolVectors.counting(saltStart + 1), a));
    }

    @Property(tries = 100)
    void everyJobFieldEntersTheResultHash(@ForAll("tokens") int[] out, @ForAll @IntRange(min = 1, max = 7) int field) {
        JobSpec b = job(new SamplingSpec.Greedy(), 200);
        JobSpec changed = switch (field) {
            case 1 -> new JobSpec(ProtocolVectors.counting(9), b.modelSha256(), b.engine(), b.contextLength(),
                b.inputCommitment(), b.sampling(), b.maxTokens());
            case 2 -> new JobSpec(b.jobId(), ProtocolVectors.counting(9), b.engine(), b.contextLength(),
                b.inputCommitment(), b.sampling(), b.maxTokens());
            case 3 -> new JobSpec(b.jobId(), b.modelSha256(), new EngineId("llama.cpp b4916 cuda"), b.contextLength(),
                b.inputCommitment(), b.sampling(), b.maxTokens());
            case 4 -> new JobSpec(b.jobId(), b.modelSha256(), b.engine(), b.contextLength() + 1,
                b.inputCommitment(), b.sampling(), b.maxTokens());
            case 5 -> new JobSpec(b.jobId(), b.modelSha256(), b.engine(), b.contextLength(),
                ProtocolVectors.counting(9), b.sampling(), b.maxTokens());
            case 6 -> new JobSpec(b.jobId(), b.modelSha256(), b.engine(), b.contextLength(),
                b.inputCommitment(), SamplingSpec.Sampled.withTemperature(1, 0), b.maxTokens());
            default -> new JobSpec(b.jobId(), b.modelSha256(), b.engine(), b.contextLength(),
                b.inputCommitment(), b.sampling(), b.maxTokens() + 1);
        };
        assertThat(ResultClaim.of(changed, out).resultHash()).isNotEqualTo(ResultClaim.of(b, out).resultHash());
    }

    @Test
    void theContextLengthAndMaxTokensAreNotInterchangeable() {
        // Both are u32 fields of the result hash: swapping their values must change it.
        JobSpec a = new JobSpec(ProtocolVectors.counting(1), ProtocolVectors.counting(2), ENGINE, 512,
            ProtocolVectors.counting(3), new SamplingSpec.Greedy(), 64);
        JobSpec swapped = new JobSpec(a.jobId(), a.modelSha256(), ENGINE, 64, a.inputCommitment(), a.sampling(), 512);
        int[] out = {5, 6, 7};
        assertThat(ResultClaim.of(a, out).resultHash()).isNotEqualTo(ResultClaim.of(swapped, out).resultHash());
    }

    @Test
    void theContextRoomIsWhatAnHonestGenerationCanFill() {
        JobSpec job = new JobSpec(ProtocolVectors.counting(1), ProtocolVectors.counting(2), ENGINE, 10,
            ProtocolVectors.counting(3), new SamplingSpec.Greedy(), 64);
        // Prompt positions 0..P-1; output token n-1 is chosen from position P+n-2, which must be < 10.
        assertThat(job.contextRoom(1)).isEqualTo(10);
        assertThat(job.contextRoom(7)).isEqualTo(4);
        assertThat(job.contextRoom(10)).isEqualTo(1);
        assertThat(job.contextRoom(11)).isZero();
        assertThat(job.contextRoom(Integer.MAX_VALUE)).isZero();
        assertThatThrownBy(() -> job.contextRoom(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClaimWhoseCommitmentsDoNotMatchItsTokensIsDetected() {
        JobSpec job = job(new SamplingSpec.Greedy(), 10);
        ResultClaim honest = ResultClaim.of(job, new int[] {1, 2, 3});
        assertThat(honest.commitmentsMatch()).isTrue();
        assertThat(new ResultClaim(job, new int[] {1, 2, 4}, honest.resultHash(), honest.chunkRoot()).commitmentsMatch())
            .isFalse();
        assertThat(new ResultClaim(job, new int[] {1, 2, 3}, honest.chunkRoot(), honest.chunkRoot()).commitmentsMatch())
            .isFalse();
    }

    @Test
    void badValuesAreRefusedWithClearErrors() {
        JobSpec job = job(new SamplingSpec.Greedy(), 10);
        assertThatThrownBy(() -> ResultClaim.of(job, new int[] {1, -5})).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("negative id -5");
        assertThatThrownBy(() -> Hash32.of(new byte[31])).hasMessageContaining("31 bytes");
        assertThatThrownBy(() -> Hash32.fromHex("zz".repeat(32))).hasMessageContaining("not hexadecimal");
        assertThatThrownBy(() -> new SamplingSpec.Sampled(0, 0, 1_000_000, 0, 1)).hasMessageContaining("temperatureMilli");
        assertThatThrownBy(() -> new SamplingSpec.Sampled(1000, 0, 0, 0, 1)).hasMessageContaining("topPMicro");
        assertThatThrownBy(() -> new SamplingSpec.Sampled(1000, 0, 1_000_000, 1_000_001, 1)).hasMessageContaining("minPMicro");
        assertThatThrownBy(() -> new JobSpec(job.jobId(), job.modelSha256(), ENGINE, 512, job.inputCommitment(),
            job.sampling(), 0)).hasMessageContaining("maxTokens");
        assertThatThrownBy(() -> new JobSpec(job.jobId(), job.modelSha256(), ENGINE, 0, job.inputCommitment(),
            job.sampling(), 10)).hasMessageContaining("contextLength");
        assertThatThrownBy(() -> new EngineId(" ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Chunking.commitment(job.jobId(), new int[3], 1)).hasMessageContaining("chunk 1 does not exist");
    }

    @Test
    void hashDomainsSeparateLeavesFromNodes() {
        byte[] body = new byte[64];
        assertThat(HashDomain.CHUNK.hash(body)).isNotEqualTo(HashDomain.NODE.hash(body));
        assertThat(Arrays.stream(HashDomain.values()).map(HashDomain::tag).distinct().count())
            .isEqualTo(HashDomain.values().length);
    }

    static JobSpec job(SamplingSpec sampling, int maxTokens) {
        return new JobSpec(ProtocolVectors.counting(1), ProtocolVectors.counting(2), ENGINE, 512,
            ProtocolVectors.counting(3), sampling, maxTokens);
    }

    @Provide
    Arbitrary<int[]> tokens() {
        return Arbitraries.integers().between(0, 70_000).array(int[].class).ofMaxSize(100);
    }

    @Provide
    Arbitrary<SamplingSpec> specs() {
        Arbitrary<SamplingSpec> sampled = net.jqwik.api.Combinators.combine(
            Arbitraries.integers().between(1, 3),
            Arbitraries.integers().between(0, 2),
            Arbitraries.integers().between(999_999, 1_000_000),
            Arbitraries.integers().between(0, 1),
            Arbitraries.longs().between(-1, 1)).as(SamplingSpec.Sampled::new);
        return Arbitraries.oneOf(Arbitraries.just(new SamplingSpec.Greedy()), sampled);
    }
}
