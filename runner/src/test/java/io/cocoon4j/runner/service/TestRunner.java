package io.cocoon4j.runner.service;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.job.JobLifecycle;
import io.cocoon4j.runner.job.LedgerMarket;
import io.cocoon4j.runner.job.StepListener;
import io.cocoon4j.runner.job.TestCommitmentEncoding;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.journal.Journal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import javax.net.ssl.SSLContext;

/**
 * Tests only (runner, verifier and client tests): one real runner on loopback (journal, tiny model, simulated enclave, RA-TLS inference
 * service, job keeper) over the {@link LedgerMarket} chain stand-in, and the verifier enclave that
 * may read its transcripts.
 */
public final class TestRunner implements AutoCloseable {
    public static final OperatorAddress OPERATOR = new OperatorAddress(0, filled(1));
    public static final OperatorAddress VERIFIER = new OperatorAddress(0, filled(2));

    public final LlamaEngine engine;
    public final Journal journal;
    public final LedgerMarket ledger;
    public final SimulatedEnclave enclave = SimulatedEnclave.ephemeral("runner-image");
    public final SimulatedEnclave verifierEnclave = SimulatedEnclave.ephemeral("verifier-image");
    public final JobLifecycle lifecycle;
    public final InferenceServer server;
    public final JobKeeper keeper;

    /**
     * @param dir where the journal and the ledger live
     * @param challengeWindow how long committed jobs wait before the keeper finalizes them
     */
    public TestRunner(Path dir, Duration challengeWindow) throws EnclaveException {
        engine = TestJobs.engine();
        journal = Journal.open(dir.resolve("runner-journal.db"));
        ledger = LedgerMarket.open(dir.resolve("ledger.db"), challengeWindow, Duration.ofSeconds(30));
        lifecycle = new JobLifecycle(journal, ledger, engine, enclave, TestCommitmentEncoding.INSTANCE,
            TestJobs.modelSha256(), new JobLifecycle.Settings(Duration.ofMillis(20), Duration.ofSeconds(30)),
            StepListener.NONE, Clock.systemUTC());
        AttestationPolicy verifiers = AttestationPolicy.builder().allowSimulated(true)
            .allowMeasurement(verifierEnclave.measurement()).build();
        server = InferenceServer.start(lifecycle, enclave,
            RaTls.builder().identity(enclave, OPERATOR).verifyPeers(verifiers, EvidenceVerifier.simulatedOnly()).build(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), peer -> peer.operator().equals(VERIFIER));
        keeper = JobKeeper.start(lifecycle, Duration.ofMillis(200));
    }

    /** What a client accepts: simulated enclaves with this runner's measurement. */
    public AttestationPolicy clientPolicy() {
        return AttestationPolicy.builder().allowSimulated(true).allowMeasurement(enclave.measurement()).build();
    }

    /** Mutual RA-TLS as the verifier enclave. */
    public SSLContext verifierContext() throws EnclaveException {
        return RaTls.builder().identity(verifierEnclave, VERIFIER).verifyPeers(clientPolicy(),
            EvidenceVerifier.simulatedOnly()).build();
    }

    @Override
    public void close() {
        keeper.close();
        server.close();
        journal.close();
        ledger.close();
        engine.close();
    }

    private static byte[] filled(int b) {
        byte[] out = new byte[32];
        Arrays.fill(out, (byte) b);
        return out;
    }
}
