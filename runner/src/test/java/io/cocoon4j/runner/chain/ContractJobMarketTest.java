package io.cocoon4j.runner.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.enclave.EnclaveKey;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.SamplingSpec;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.runner.job.ChainAction;
import io.cocoon4j.runner.job.ChainJob;
import io.cocoon4j.runner.job.JobState;
import io.cocoon4j.runner.job.MessageFate;
import io.cocoon4j.runner.job.ResultCommitment;
import io.cocoon4j.runner.job.SignedCommitment;
import io.cocoon4j.runner.journal.SignedMessage;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.network.NetworkDeployment;
import io.cocoon4j.wrappers.root.RootContract;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;

/** {@link ContractJobMarket} against the real root, operator and job contracts on a LocalChain. */
class ContractJobMarketTest {
    private static final EngineId ENGINE = new EngineId("test-engine");
    private static final Hash32 MODEL = Hash32.fromHex("11".repeat(32));
    private static final Hash32 INPUT = Hash32.fromHex("22".repeat(32));
    private static final long PRICE = 10_000;

    private LocalChain chain;
    private RootContract root;
    private WalletV4 runner;
    private WalletV4 client;
    private EnclaveKey enclaveKey;
    private ContractJobMarket market;
    private long nonce;

    @BeforeEach
    void start() {
        chain = LocalChain.create();
        chain.setNow(1_800_000_000L);
        WalletV4 owner = chain.fundedWallet("owner");
        root = NetworkDeployment.deployRoot(chain, owner, NetworkParams.DEFAULTS, Transfer.ton("1"));
        Bits measurement = Bits.of(Hash32.fromHex("33".repeat(32)).bytes());
        root.sendAllowMeasurement(owner, Transfer.ton("0.05"), measurement, true);
        root.sendSetModel(owner, Transfer.ton("0.05"), Bits.of(MODEL.bytes()), BigInteger.valueOf(1_000_000));
        runner = chain.fundedWallet("runner");
        enclaveKey = EnclaveKey.fromSeed(new byte[32]);
        assertThat(root.sendRegisterOperator(runner, root.getRegisterValue(1), 1, Bits.of(enclaveKey.rawPublicKey()),
            measurement, Bits.of(new byte[32]), Map.of(new BigInteger(1, MODEL.bytes()), BigInteger.valueOf(PRICE)))
            .trace().allSucceeded()).isTrue();
        client = chain.fundedWallet("client");
        market = new ContractJobMarket(chain, runner, new ChainSpecs(List.of(ENGINE), List.of()), Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        chain.close();
    }

    private Hash32 createJob(EngineId engine, SamplingSpec sampling) {
        long n = ++nonce;
        Address job = root.getJobAddress(MsgAddress.of(client.address()), BigInteger.valueOf(n)).toAddress().orElseThrow();
        assertThat(root.sendCreateJob(client, root.getCreateJobValue(8, BigInteger.valueOf(PRICE)), BigInteger.valueOf(n),
            ChainSpecs.toChain(MODEL, engine, 128, INPUT, sampling, 8, PRICE)).trace().allSucceeded()).isTrue();
        return JobAddresses.jobId(job);
    }

    @Test
    void readsTheSpecBackAndFollowsAcceptCommitFinalize() {
        Hash32 id = createJob(ENGINE, new SamplingSpec.Greedy());
        ChainJob open = market.job(id).orElseThrow();
        assertThat(open.state()).isEqualTo(new JobState.Open());
        assertThat(open.spec().jobId()).isEqualTo(id);
        assertThat(open.spec().engine()).isEqualTo(ENGINE);
        assertThat(open.spec().modelSha256()).isEqualTo(MODEL);
        assertThat(open.spec().inputCommitment()).isEqualTo(INPUT);
        assertThat(open.spec().contextLength()).isEqualTo(128);
        assertThat(open.spec().maxTokens()).isEqualTo(8);

        SignedMessage accept = market.sign(new ChainAction.Accept(id));
        assertThat(market.fate(accept)).isEqualTo(MessageFate.PENDING);
        assertThat(market.job(id).orElseThrow().state()).as("signing sends nothing").isEqualTo(new JobState.Open());
        market.send(accept);
        assertThat(market.fate(accept)).isEqualTo(MessageFate.LANDED);
        assertThat(market.job(id).orElseThrow().state()).isEqualTo(new JobState.Accepted());
        long seqno = runner.seqno();
        market.send(accept); // a resent copy is refused by the wallet and changes nothing
        assertThat(runner.seqno()).isEqualTo(seqno);
        assertThat(market.fate(accept)).isEqualTo(MessageFate.LANDED);

        // a commitment signed by another key is refused by the contract: the job stays accepted
        ResultCommitment result = new ResultCommitment(id, Hash32.fromHex("44".repeat(32)), 5, Hash32.fromHex("55".repeat(32)));
        byte[] bytes = ContractCommitmentEncoding.INSTANCE.signedBytes(result);
        EnclaveKey other = EnclaveKey.fromSeed(new byte[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
            1, 1, 1, 1, 1, 1, 1, 1, 1, 1});
        SignedMessage forged = market.sign(new ChainAction.Commit(id, new SignedCommitment(result, other.sign(bytes))));
        market.send(forged);
        assertThat(market.fate(forged)).as("the wallet took it").isEqualTo(MessageFate.LANDED);
        assertThat(market.job(id).orElseThrow().state()).isEqualTo(new JobState.Accepted());

        SignedMessage commit = market.sign(new ChainAction.Commit(id, new SignedCommitment(result, enclaveKey.sign(bytes))));
        market.send(commit);
        JobState committed = market.job(id).orElseThrow().state();
        assertThat(committed).isInstanceOf(JobState.Committed.class);
        JobContract job = new JobContract(chain, JobAddresses.address(id));
        assertThat(((JobState.Committed) committed).challengeWindowEnds().getEpochSecond()).isEqualTo(job.getJob().deadline());
        assertThat(job.getCommitment().tokenCount()).isEqualTo(5);

        chain.advanceTime(NetworkParams.DEFAULTS.deadlines().challengeWindow() + 1);
        SignedMessage finalize = market.sign(new ChainAction.Finalize(id));
        market.send(finalize);
        assertThat(market.fate(finalize)).isEqualTo(MessageFate.LANDED);
        assertThat(market.job(id).orElseThrow().state()).isEqualTo(new JobState.Finalized());
    }

    @Test
    void aMessageNeverSentExpiresAfterItsValidityAndOneOverrunBySeqnoExpiresAtOnce() {
        Hash32 id = createJob(ENGINE, new SamplingSpec.Greedy());
        SignedMessage lost = market.sign(new ChainAction.Accept(id));
        chain.advanceTime(61);
        assertThat(market.fate(lost)).isEqualTo(MessageFate.EXPIRED);
        market.send(lost); // too late: refused, nothing happens
        assertThat(market.job(id).orElseThrow().state()).isEqualTo(new JobState.Open());

        SignedMessage first = market.sign(new ChainAction.Finalize(id));
        SignedMessage second = market.sign(new ChainAction.Accept(id)); // same seqno: only one can land
        assertThat(second.seqno()).isEqualTo(first.seqno());
        market.send(second);
        assertThat(market.fate(second)).isEqualTo(MessageFate.LANDED);
        assertThat(market.fate(first)).isEqualTo(MessageFate.EXPIRED);
    }

    @Test
    void jobsItCannotReadBackOrThatAnotherRunnerTookAreNotItsOwn() {
        assertThat(market.job(Hash32.fromHex("66".repeat(32)))).isEmpty();
        Hash32 unknownEngine = createJob(new EngineId("someone-elses-engine"), new SamplingSpec.Greedy());
        assertThat(market.job(unknownEngine)).isEmpty();
        SamplingSpec.Sampled sampled = SamplingSpec.Sampled.withTemperature(0.7, -5L);
        Hash32 sampledJob = createJob(ENGINE, sampled);
        assertThat(market.job(sampledJob)).as("parameters not on-chain, not in the catalogue").isEmpty();
        ContractJobMarket knowing = new ContractJobMarket(chain, runner, new ChainSpecs(List.of(ENGINE), List.of(sampled)),
            Duration.ofSeconds(60));
        assertThat(knowing.job(sampledJob).map(j -> j.spec().sampling())).isEqualTo(Optional.of(sampled));

        Hash32 id = createJob(ENGINE, new SamplingSpec.Greedy());
        WalletV4 rival = chain.fundedWallet("rival");
        Bits measurement = Bits.of(Hash32.fromHex("33".repeat(32)).bytes());
        root.sendRegisterOperator(rival, root.getRegisterValue(1), 1, Bits.of(Ed25519Keys.fromName("rival").publicKey().bytes()),
            measurement, Bits.of(new byte[32]), Map.of(new BigInteger(1, MODEL.bytes()), BigInteger.valueOf(PRICE)));
        JobContract job = new JobContract(chain, JobAddresses.address(id));
        assertThat(job.sendAccept(rival, job.getRequiredValue(io.cocoon4j.wrappers.job.JobMsg.Accept.TAG)).trace()
            .allSucceeded()).isTrue();
        assertThat(market.job(id).orElseThrow().state()).isInstanceOf(JobState.Closed.class);
    }

    @Test
    void transcriptsGoToVerifiersInTheRootsRegistryOnly() {
        WalletV4 verifier = chain.fundedWallet("verifier");
        Bits measurement = Bits.of(Hash32.fromHex("33".repeat(32)).bytes());
        assertThat(root.sendRegisterOperator(verifier, root.getRegisterValue(2), 2,
            Bits.of(Ed25519Keys.fromName("verifier-enclave").publicKey().bytes()), measurement, Bits.of(new byte[32]),
            Map.of()).trace().allSucceeded()).isTrue();
        RegistryTranscriptAccess access = new RegistryTranscriptAccess(root);
        assertThat(access.allows(peer(verifier.address()))).isTrue();
        assertThat(access.allows(peer(runner.address()))).as("a runner is no verifier").isFalse();
        assertThat(access.allows(peer(client.address()))).as("never registered").isFalse();
    }

    private static io.cocoon4j.enclave.ratls.RaTlsPeer peer(Address operator) {
        return new io.cocoon4j.enclave.ratls.RaTlsPeer(new byte[32], io.cocoon4j.enclave.OperatorAddress.of(operator),
            io.cocoon4j.enclave.TeeType.SIMULATED, io.cocoon4j.enclave.Measurement.ofHex("33".repeat(32)),
            java.time.Instant.ofEpochSecond(4_000_000_000L));
    }
}
