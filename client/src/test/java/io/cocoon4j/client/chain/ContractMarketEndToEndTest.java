package io.cocoon4j.client.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.client.Completion;
import io.cocoon4j.client.CompletionRequest;
import io.cocoon4j.client.LocalModel;
import io.cocoon4j.client.PaidInference;
import io.cocoon4j.client.RunnerClient;
import io.cocoon4j.client.RunnerOffer;
import io.cocoon4j.client.Verification;
import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.enclave.ratls.RaTls;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.runner.chain.ChainClock;
import io.cocoon4j.runner.chain.ChainSpecs;
import io.cocoon4j.runner.chain.ContractCommitmentEncoding;
import io.cocoon4j.runner.chain.ContractJobMarket;
import io.cocoon4j.runner.chain.JobAddresses;
import io.cocoon4j.runner.chain.RegistryTranscriptAccess;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.runner.job.JobLifecycle;
import io.cocoon4j.runner.job.StepListener;
import io.cocoon4j.runner.job.TestJobs;
import io.cocoon4j.runner.journal.Journal;
import io.cocoon4j.runner.service.InferenceServer;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.verifier.Tolerances;
import io.cocoon4j.verifier.Verifier;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.network.NetworkDeployment;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.root.RootContract;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole paid path on real contracts (LocalChain): a client creates and pays a job through the
 * root, the runner's {@link JobLifecycle} accepts it (its operator locks stake), streams the tokens
 * over RA-TLS from a simulated enclave, and commits a signed commitment that the job contract
 * verifies; the client's {@link PaidInference} checks it against the on-chain commitment; after the
 * challenge window the runner finalizes, which pays the runner and refunds the client.
 */
class ContractMarketEndToEndTest {
    private static final long PRICE = 10_000;
    private static final int RUNNER = 1;
    private static final NetworkParams PARAMS = NetworkParams.DEFAULTS;

    @TempDir
    Path dir;

    private LocalChain chain;
    private RootContract root;
    private WalletV4 runnerWallet;
    private WalletV4 clientWallet;
    private SimulatedEnclave enclave;
    private LlamaEngine runnerEngine;
    private LlamaEngine clientEngine;
    private Journal journal;
    private JobLifecycle lifecycle;
    private InferenceServer server;
    private OfferDirectory directory;
    private PaidInference inference;
    private ContractClientMarket clientMarket;

    @BeforeEach
    void start() throws Exception {
        chain = LocalChain.create();
        chain.setNow(1_800_000_000L);
        WalletV4 owner = chain.fundedWallet("owner");
        root = NetworkDeployment.deployRoot(chain, owner, PARAMS, Transfer.ton("1"));
        enclave = SimulatedEnclave.ephemeral("runner-image");
        Bits measurement = Bits.of(enclave.measurement().bytes());
        Hash32 model = TestJobs.modelSha256();
        assertThat(root.sendAllowMeasurement(owner, Transfer.ton("0.05"), measurement, true).trace().allSucceeded()).isTrue();
        assertThat(root.sendSetModel(owner, Transfer.ton("0.05"), Bits.of(model.bytes()), BigInteger.valueOf(1_000_000))
            .trace().allSucceeded()).isTrue();

        runnerWallet = chain.fundedWallet("runner-operator");
        assertThat(root.sendRegisterOperator(runnerWallet, root.getRegisterValue(RUNNER), RUNNER,
            Bits.of(enclave.identityKey().rawPublicKey()), measurement, Bits.of(new byte[32]),
            Map.of(new BigInteger(1, model.bytes()), BigInteger.valueOf(PRICE))).trace().allSucceeded()).isTrue();

        runnerEngine = TestJobs.engine();
        EngineId engine = new EngineId(runnerEngine.engineId().value());
        ContractJobMarket market = new ContractJobMarket(chain, runnerWallet, new ChainSpecs(List.of(engine), List.of()),
            Duration.ofSeconds(60));
        journal = Journal.open(dir.resolve("runner-journal.db"));
        lifecycle = new JobLifecycle(journal, market, runnerEngine, enclave, ContractCommitmentEncoding.INSTANCE, model,
            new JobLifecycle.Settings(Duration.ofMillis(20), Duration.ofSeconds(30)), StepListener.NONE,
            new ChainClock(chain));
        OperatorAddress operator = OperatorAddress.of(runnerWallet.address());
        AttestationPolicy verifiers = AttestationPolicy.builder().allowSimulated(true)
            .allowMeasurement(SimulatedEnclave.ephemeral("verifier-image").measurement()).build();
        server = InferenceServer.start(lifecycle, enclave,
            RaTls.builder().identity(enclave, operator).verifyPeers(verifiers, EvidenceVerifier.simulatedOnly()).build(),
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), new RegistryTranscriptAccess(root));

        directory = new OfferDirectory();
        directory.publish(new OfferDirectory.Listing(operator, server.uri(), engine, TestJobs.CONTEXT));
        clientWallet = chain.fundedWallet("client");
        clientMarket = new ContractClientMarket(chain, clientWallet, root, directory);
        clientEngine = TestJobs.engine();
        AttestationPolicy runners = AttestationPolicy.builder().allowSimulated(true)
            .allowMeasurement(enclave.measurement()).build();
        inference = new PaidInference(clientMarket,
            new RunnerClient(runners, EvidenceVerifier.simulatedOnly(), Duration.ofSeconds(60)),
            ContractCommitmentEncoding.INSTANCE,
            List.of(new LocalModel("tiny", model, clientEngine, Optional.of(new Verifier(clientEngine, model, Tolerances.TINY)))),
            Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (journal != null) {
            journal.close();
        }
        if (runnerEngine != null) {
            runnerEngine.close();
        }
        if (clientEngine != null) {
            clientEngine.close();
        }
        if (chain != null) {
            chain.close();
        }
    }

    private OperatorContract.GetOperatorResult operatorState() {
        Optional<org.ton.ton4j.address.Address> at = root.getOperatorAddress(MsgAddress.of(runnerWallet.address())).toAddress();
        return new OperatorContract(chain, at.orElseThrow()).getOperator();
    }

    @Test
    void offersComeFromTheDirectoryWithKeyAndPriceFromTheOperatorContract() {
        List<RunnerOffer> offers = clientMarket.offers(TestJobs.modelSha256());
        assertThat(offers).hasSize(1);
        assertThat(offers.get(0).pricePerToken()).isEqualTo(PRICE);
        assertThat(offers.get(0).identityKey()).isEqualTo(enclave.identityKey().rawPublicKey());
        // a model the operator does not list, and a listed wallet that never registered, give no offer
        assertThat(clientMarket.offers(Hash32.fromHex("ab".repeat(32)))).isEmpty();
        WalletV4 stranger = chain.fundedWallet("unregistered");
        directory.withdraw(OperatorAddress.of(runnerWallet.address()));
        directory.publish(new OfferDirectory.Listing(OperatorAddress.of(stranger.address()), server.uri(),
            new EngineId(runnerEngine.engineId().value()), TestJobs.CONTEXT));
        assertThat(clientMarket.offers(TestJobs.modelSha256())).isEmpty();
    }

    @Test
    void paidJobIsAcceptedCommittedVerifiedAndFinalizedOnRealContracts() {
        int maxTokens = 8;
        BigInteger clientBefore = clientWallet.balance();
        OperatorContract.GetOperatorResult before = operatorState();
        assertThat(before.locked()).isZero();

        StringBuilder streamed = new StringBuilder();
        Completion done = inference.complete(new CompletionRequest("tiny", "hello world", OptionalInt.of(maxTokens),
            new SamplingSpec.Greedy()), streamed::append);

        // the client re-checked the answer locally and against the commitment the contract holds
        assertThat(done.verification()).isEqualTo(Verification.VERIFIED);
        assertThat(done.text()).isEqualTo(streamed.toString());
        int tokens = done.completionTokens();
        assertThat(tokens).isBetween(1, maxTokens);
        JobContract job = new JobContract(chain, JobAddresses.address(done.job().jobId()));
        assertThat(job.getJob().status()).as("committed").isEqualTo(3);
        assertThat(job.getCommitment().tokenCount()).isEqualTo(tokens);
        assertThat(job.getCommitment().resultHash()).isEqualTo(new BigInteger(1, done.commitment().commitment().resultHash().bytes()));
        assertThat(clientMarket.commitment(done.job().jobId())).contains(done.commitment());
        assertThat(job.getClient()).isEqualTo(MsgAddress.of(clientWallet.address()));

        // accepting locked part of the runner's stake for this job
        long escrow = maxTokens * PRICE;
        BigInteger lock = BigInteger.valueOf(PARAMS.stakes().lockFor(escrow));
        assertThat(operatorState().locked()).isEqualTo(lock);
        assertThat(job.getRunner().runner()).isEqualTo(MsgAddress.of(runnerWallet.address()));

        // not before the challenge window ends (finalizeDue returns how many jobs stay open)
        assertThat(lifecycle.finalizeDue()).isEqualTo(1);
        assertThat(job.getJob().status()).isEqualTo(3);

        chain.advanceTime(PARAMS.deadlines().challengeWindow() + 1);
        BigInteger clientBeforeFinalize = clientWallet.balance();
        assertThat(lifecycle.finalizeDue()).isZero();
        assertThat(job.getJob().status()).as("finalized").isEqualTo(9);

        long pay = tokens * PRICE;
        long fees = pay * (PARAMS.fees().protocolFeeBps() + PARAMS.fees().auditFeeBps()) / 10_000;
        OperatorContract.GetOperatorResult after = operatorState();
        assertThat(after.earnings().subtract(before.earnings())).isEqualTo(BigInteger.valueOf(pay - fees));
        assertThat(after.locked()).isZero();
        assertThat(after.stake()).isEqualTo(before.stake());
        // the client gets at least the unused escrow back; in all it paid at least the runner's pay and at most
        // what create_job asked plus its wallet's own fees (well under 0.05 TON)
        BigInteger refund = clientWallet.balance().subtract(clientBeforeFinalize);
        assertThat(refund).isGreaterThanOrEqualTo(BigInteger.valueOf(escrow - pay));
        BigInteger createValue = root.getCreateJobValue(maxTokens, BigInteger.valueOf(PRICE));
        assertThat(clientBefore.subtract(clientWallet.balance())).isLessThanOrEqualTo(createValue.add(Transfer.ton("0.05")))
            .isGreaterThanOrEqualTo(BigInteger.valueOf(pay));
        assertThat(job.balance()).isZero();
        // the finished job keeps no transcript
        assertThat(lifecycle.transcript(done.job().jobId())).isEmpty();
    }
}
