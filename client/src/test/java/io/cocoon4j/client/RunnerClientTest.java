package io.cocoon4j.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.TestCommitmentEncoding;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.service.TestRunner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client and a real runner over RA-TLS: the prompt reaches the offer's attested enclave or nobody. */
class RunnerClientTest {
    @TempDir
    static Path dir;
    private static TestRunner runner;
    private static int[] prompt;

    @BeforeAll
    static void start() throws Exception {
        runner = new TestRunner(dir, Duration.ofMinutes(10));
        prompt = runner.engine.tokenize("a prompt for one enclave only", true);
    }

    @AfterAll
    static void stop() {
        runner.close();
    }

    private static JobSpec job(String idHex, JobInput input, int maxTokens) {
        JobSpec spec = TestJobs.spec(Hash32.fromHex(idHex.repeat(32)), runner.engine, input, maxTokens);
        runner.ledger.createJob(spec);
        return spec;
    }

    private static RunnerClient client(AttestationPolicy policy) {
        return new RunnerClient(policy, EvidenceVerifier.simulatedOnly(), Duration.ofSeconds(60));
    }

    @Test
    void tokensArriveInOrderAndTheCommitmentIsTheirsSignedByTheOffersKey() {
        JobInput input = new JobInput(Hash32.fromHex("01".repeat(32)), prompt);
        JobSpec spec = job("e1", input, 20);
        List<Integer> streamed = new ArrayList<>();

        RunnerReply reply = client(runner.clientPolicy()).run(LedgerClientMarket.offer(runner, 1), spec.jobId(), input,
            (index, token) -> streamed.add(token));

        assertThat(streamed).hasSize(reply.tokens().length);
        assertThat(reply.commitment().commitment()).isEqualTo(ResultCommitment.of(ResultClaim.of(spec, reply.tokens())));
        assertThat(reply.commitment().signedBy(LedgerClientMarket.offer(runner, 1).identityKey(), TestCommitmentEncoding.INSTANCE)).isTrue();
        assertThat(runner.ledger.commitment(spec.jobId())).contains(reply.commitment());
    }

    @Test
    void refusalsCarryTheRunnersReasonAndNothingHappensOnChain() {
        JobInput input = new JobInput(Hash32.fromHex("02".repeat(32)), prompt);
        JobSpec spec = job("e2", input, 10);
        RunnerClient client = client(runner.clientPolicy());
        JobInput wrongSalt = new JobInput(Hash32.fromHex("03".repeat(32)), prompt);

        assertThatThrownBy(() -> client.run(LedgerClientMarket.offer(runner, 1), spec.jobId(), wrongSalt, (i, t) -> {}))
            .isInstanceOfSatisfying(RunnerException.class, e -> assertThat(e.code()).isEqualTo("INPUT_MISMATCH"));
        assertThatThrownBy(() -> client.run(LedgerClientMarket.offer(runner, 1), Hash32.fromHex("e3".repeat(32)), input, (i, t) -> {}))
            .isInstanceOfSatisfying(RunnerException.class, e -> assertThat(e.code()).isEqualTo("UNKNOWN_JOB"));
        assertThat(runner.ledger.stateOf(spec.jobId())).isEqualTo("open");
    }

    @Test
    void aRunnerThatIsNotTheOffersEnclaveNeverSeesThePrompt() {
        JobInput input = new JobInput(Hash32.fromHex("04".repeat(32)), prompt);
        JobSpec spec = job("e4", input, 10);
        RunnerOffer real = LedgerClientMarket.offer(runner, 1);
        RunnerOffer otherKey = new RunnerOffer(real.endpoint(), real.operator(),
            SimulatedEnclave.ephemeral("runner-image").identityKey().rawPublicKey(), real.modelSha256(), real.engine(),
            real.contextLength(), real.pricePerToken());
        AttestationPolicy otherMeasurement = AttestationPolicy.builder().allowSimulated(true)
            .allowMeasurement(Measurement.ofSimulatedImage("some-other-image")).build();
        AttestationPolicy noSimulated = AttestationPolicy.builder().allowMeasurement(runner.enclave.measurement()).build();

        assertThatThrownBy(() -> client(runner.clientPolicy()).run(otherKey, spec.jobId(), input, (i, t) -> {}))
            .isInstanceOfSatisfying(RunnerException.class, e -> assertThat(e.code()).isEqualTo("NOT_ATTESTED"));
        assertThatThrownBy(() -> client(otherMeasurement).run(real, spec.jobId(), input, (i, t) -> {}))
            .isInstanceOfSatisfying(RunnerException.class, e -> assertThat(e.code()).isEqualTo("NOT_ATTESTED"));
        assertThatThrownBy(() -> client(noSimulated).run(real, spec.jobId(), input, (i, t) -> {}))
            .isInstanceOfSatisfying(RunnerException.class, e -> assertThat(e.code()).isEqualTo("NOT_ATTESTED"));
        assertThat(runner.ledger.stateOf(spec.jobId())).as("the runner never got the input").isEqualTo("open");
    }
}
