package io.cocoon4j.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.JobInput;
import io.cocoon4j.protocol.JobSpec;
import io.cocoon4j.protocol.ResultClaim;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.job.TokenSink;
import io.cocoon4j.runner.job.Transcript;
import io.cocoon4j.runner.service.TestRunner;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An attested verifier fetches a transcript from a real runner service and re-checks it; nobody else gets it. */
class TranscriptClientTest {
    @TempDir
    static Path dir;
    private static TestRunner runner;
    private static LlamaEngine verifierEngine;
    private static JobSpec spec;

    @BeforeAll
    static void serveOneJob() throws Exception {
        runner = new TestRunner(dir, Duration.ofMinutes(10));
        verifierEngine = TestJobs.engine();
        JobInput input = new JobInput(Hash32.fromHex("77".repeat(32)), runner.engine.tokenize("audit this job", true));
        spec = TestJobs.spec(Hash32.fromHex("f1".repeat(32)), runner.engine, input, 24);
        runner.ledger.createJob(spec);
        runner.lifecycle.serve(spec.jobId(), input, TokenSink.NONE);
    }

    @AfterAll
    static void stop() {
        runner.close();
        verifierEngine.close();
    }

    @Test
    void anAttestedVerifierGetsTheTranscriptOfTheCommittedResultAndItVerifies() throws Exception {
        Transcript t = new TranscriptClient(runner.verifierContext(), Duration.ofSeconds(30))
            .fetch(runner.server.uri(), spec.jobId()).orElseThrow();

        ResultClaim claim = ResultClaim.of(spec, t.output());
        assertThat(ResultCommitment.of(claim)).isEqualTo(runner.ledger.commitment(spec.jobId()).orElseThrow().commitment());
        Verdict verdict = new Verifier(verifierEngine, TestJobs.modelSha256(), Tolerances.TINY).verify(spec, claim, t.input());
        assertThat(verdict.accepted()).as(verdict.toString()).isTrue();
        assertThat(new TranscriptClient(runner.verifierContext(), Duration.ofSeconds(30))
            .fetch(runner.server.uri(), Hash32.fromHex("f2".repeat(32)))).isEmpty();
    }

    @Test
    void anAttestedOperatorThatIsNoVerifierIsRefused() throws Exception {
        OperatorAddress stranger = new OperatorAddress(0, Hash32.fromHex("99".repeat(32)).bytes());
        var context = RaTls.builder().identity(runner.verifierEnclave, stranger)
            .verifyPeers(runner.clientPolicy(), EvidenceVerifier.simulatedOnly()).build();

        assertThatThrownBy(() -> new TranscriptClient(context, Duration.ofSeconds(30)).fetch(runner.server.uri(), spec.jobId()))
            .isInstanceOf(TranscriptException.class).hasMessageContaining("403").hasMessageContaining("NOT_A_VERIFIER");
    }

    @Test
    void anEnclaveOutsideTheVerifierPolicyCannotEvenConnect() throws Exception {
        var context = RaTls.builder().identity(SimulatedEnclave.ephemeral("some-other-image"), TestRunner.VERIFIER)
            .verifyPeers(runner.clientPolicy(), EvidenceVerifier.simulatedOnly()).build();

        assertThatThrownBy(() -> new TranscriptClient(context, Duration.ofSeconds(30)).fetch(runner.server.uri(), spec.jobId()))
            .isInstanceOf(TranscriptException.class).hasMessageContaining("cannot fetch");
    }
}
