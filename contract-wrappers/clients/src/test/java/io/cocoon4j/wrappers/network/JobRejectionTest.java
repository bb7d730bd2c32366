package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static io.cocoon4j.wrappers.network.Net.ok;
import static io.cocoon4j.wrappers.network.Net.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.job.JobMsg;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.CellBuilder;

/** Every way a job refuses a message, with its exact error code and no change of state. */
class JobRejectionTest {
    static Net net;
    static Net.Party runner;
    static WalletV4 client;
    static WalletV4 stranger;

    @BeforeAll
    static void start() {
        net = new Net();
        runner = net.register("rej-runner", Net.RUNNER, ton("10"));
        client = net.chain.fundedWallet("rej-client");
        stranger = net.chain.fundedWallet("rej-stranger");
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    JobContract accepted(long nonce) {
        JobContract job = net.createJob(client, nonce, 1_000, 10_000);
        Net.allOk(job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), "accept");
        return job;
    }

    @Test
    void aCommitmentSignedInJavaVerifiesOnChainAndAnyMutatedByteFails() {
        JobContract job = accepted(1);
        Commitment good = Net.commitment(job, 321, "result");
        SignedCommitment signed = SignedCommitment.sign(runner.enclave(), good);
        byte[] sig = signed.signature().toByteArray();
        // every byte of the signature, flipped
        for (int i = 0; i < sig.length; i += 7) {
            byte[] bad = sig.clone();
            bad[i] ^= 0x01;
            rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), Bits.of(bad), good)
                    .trace(), job.address(), 1003);
        }
        // every field of the commitment, changed after signing
        Commitment[] mutated = {
            new Commitment(good.job(), Net.sha("other"), good.tokenCount(), good.chunkRoot()),
            new Commitment(good.job(), good.resultHash(), good.tokenCount() + 1, good.chunkRoot()),
            new Commitment(good.job(), good.resultHash(), good.tokenCount(), flip(good.chunkRoot(), 31)),
            new Commitment(MsgAddress.of(stranger.address()), good.resultHash(), good.tokenCount(), good.chunkRoot()),
        };
        for (Commitment m : mutated) {
            rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), signed.signature(), m)
                    .trace(), job.address(), 1003);
        }
        // signed by another key
        SignedCommitment forged = SignedCommitment.sign(Ed25519Keys.fromName("not-the-enclave"), good);
        rejects(job::storage, () -> job.sendCommit(stranger, net.required(job, Net.COMMIT), forged.signature(), good)
                .trace(), job.address(), 1003);
        // a validly signed commitment for another job, or above max_tokens
        SignedCommitment elsewhere = SignedCommitment.sign(runner.enclave(),
                new Commitment(MsgAddress.of(stranger.address()), good.resultHash(), 1, good.chunkRoot()));
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), elsewhere.signature(),
                elsewhere.commitment()).trace(), job.address(), 1032);
        SignedCommitment tooMany = SignedCommitment.sign(runner.enclave(), Net.commitment(job, 1_001, "result"));
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), tooMany.signature(),
                tooMany.commitment()).trace(), job.address(), 1033);
        // too little value for the gas
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT).subtract(BigInteger.ONE),
                signed.signature(), good).trace(), job.address(), 1015);
        ok(job.sendCommit(stranger, net.required(job, Net.COMMIT), signed.signature(), good).trace(), job.address());
        assertThat(job.getJob().status()).isEqualTo(3);
        // replay: the same signed commitment again
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), signed.signature(), good)
                .trace(), job.address(), 1020);
    }

    @Test
    void deadlinesAndStatesAreEnforced() {
        JobContract job = net.createJob(client, 2, 1_000, 10_000);
        rejects(job::storage, () -> job.sendFinalize(stranger, net.required(job, Net.FINALIZE)).trace(), job.address(), 1021);
        Commitment c = Net.commitment(job, 10, "r");
        SignedCommitment s = SignedCommitment.sign(runner.enclave(), c);
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), s.signature(), c)
                .trace(), job.address(), 1020);
        rejects(job::storage, () -> job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT).subtract(BigInteger.ONE))
                .trace(), job.address(), 1015);
        Net.allOk(job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), "accept");
        rejects(job::storage, () -> job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), job.address(),
                1020);
        net.chain.advanceTime(net.params.deadlines().commitWindow() + 1);
        rejects(job::storage, () -> job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), s.signature(), c)
                .trace(), job.address(), 1022);
    }

    @Test
    void forgedChildMessagesUnknownOpsAndTruncatedBodies() {
        JobContract job = net.createJob(client, 3, 1_000, 10_000);
        rejects(job::storage, () -> job.sendLockOk(stranger, ton("0.05"), MsgAddress.of(stranger.address()),
                Net.sha("k"), ton("100")).trace(), job.address(), 1018);
        rejects(job::storage, () -> job.sendJuryDrawn(stranger, ton("0.05"), Map.of(BigInteger.ONE, true)).trace(),
                job.address(), 1019);
        rejects(job::storage, () -> job.sendJobInit(stranger, ton("0.05"), 1, jobConfig(), jobSpec(), Net.sha("x"), 0).trace(), job.address(), 1019);
        rejects(job::storage, () -> stranger.send(Transfer.of(job.address(), ton("0.05"),
                CellBuilder.beginCell().storeUint(0x12345678L, 32).storeUint(0, 64).endCell())), job.address(), 1002);
        rejects(job::storage, () -> stranger.send(Transfer.of(job.address(), ton("0.05"),
                CellBuilder.beginCell().storeUint(JobMsg.Challenge.TAG, 32).storeUint(0, 64).storeUint(1, 16).endCell())),
                job.address(), 9);
        // an operator message from a wallet claiming to be this job
        rejects(runner.operator()::storage, () -> runner.operator().sendRelease(stranger, ton("0.05"),
                MsgAddress.of(client.address()), BigInteger.valueOf(3), ton("1")).trace(), runner.operator().address(), 1017);
        rejects(runner.operator()::storage, () -> runner.operator().sendSlash(stranger, ton("0.05"),
                MsgAddress.of(client.address()), BigInteger.valueOf(3), ton("1"), Map.of()).trace(),
                runner.operator().address(), 1017);
        rejects(runner.operator()::storage, () -> runner.operator().sendLockStake(stranger, ton("0.05"),
                MsgAddress.of(client.address()), BigInteger.valueOf(3), ton("1"), Net.MODEL, BigInteger.TEN).trace(),
                runner.operator().address(), 1017);
    }

    static io.cocoon4j.wrappers.job.Config jobConfig() {
        return io.cocoon4j.wrappers.job.Config.fromCell(NetworkDeployment.config(net.params).toCell());
    }

    static io.cocoon4j.wrappers.job.JobSpec jobSpec() {
        return io.cocoon4j.wrappers.job.JobSpec.fromCell(Net.spec(10, 10).toCell());
    }

    @Test
    void aMissedCommitDeadlineRefundsTheClientAndPenalisesTheRunner() {
        JobContract job = accepted(4);
        BigInteger stake = runner.operator().getOperator().stake();
        BigInteger lock = job.getRunner().lock();
        net.chain.advanceTime(net.params.deadlines().commitWindow() + 1);
        BigInteger clientBefore = net.balance(client.address());
        Trace t = job.sendFinalize(stranger, net.required(job, Net.FINALIZE)).trace();
        Net.allOk(t, "expire");
        assertThat(job.getJob().status()).isEqualTo(11);
        long penalty = lock.longValueExact() * net.params.slashing().missedDeadlineSlashBps() / 10_000;
        long toClient = penalty * (net.params.slashing().challengerShareBps() + net.params.slashing().clientShareBps())
                / 10_000;
        assertThat(runner.operator().getOperator().stake()).isEqualTo(stake.subtract(BigInteger.valueOf(penalty)));
        assertThat(runner.operator().getLock(MsgAddress.of(job.address()))).isZero();
        assertThat(net.balance(client.address()).subtract(clientBefore))
                .isGreaterThan(BigInteger.valueOf(10_000_000 + toClient));
        assertThat(job.balance()).isZero();
    }

    @Test
    void anOpenJobNobodyAcceptsIsRefundedAfterTheAcceptWindow() {
        JobContract job = net.createJob(client, 5, 1_000, 10_000);
        net.chain.advanceTime(net.params.deadlines().acceptWindow() + 1);
        rejects(job::storage, () -> job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), job.address(),
                1022);
        BigInteger before = net.balance(client.address());
        Net.allOk(job.sendFinalize(stranger, net.required(job, Net.FINALIZE)).trace(), "cancel");
        assertThat(job.getJob().status()).isEqualTo(10);
        assertThat(net.balance(client.address()).subtract(before)).isGreaterThan(BigInteger.valueOf(10_000_000));
    }

    @Test
    void twoDifferentSignedCommitmentsAreAnEquivocationProofAndSlashAtOnce() {
        JobContract job = accepted(6);
        SignedCommitment first = SignedCommitment.sign(runner.enclave(), Net.commitment(job, 100, "one"));
        ok(job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), first.signature(), first.commitment()).trace(),
                job.address());
        rejects(job::storage, () -> job.sendProveEquivocation(stranger, net.required(job, Net.EQUIVOCATION),
                first.signature(), first.commitment()).trace(), job.address(), 1034);
        SignedCommitment forged = SignedCommitment.sign(Ed25519Keys.fromName("someone"), Net.commitment(job, 100, "two"));
        rejects(job::storage, () -> job.sendProveEquivocation(stranger, net.required(job, Net.EQUIVOCATION),
                forged.signature(), forged.commitment()).trace(), job.address(), 1003);
        SignedCommitment second = SignedCommitment.sign(runner.enclave(), Net.commitment(job, 100, "two"));
        BigInteger stake = runner.operator().getOperator().stake();
        BigInteger lock = job.getRunner().lock();
        BigInteger proverBefore = net.balance(stranger.address());
        BigInteger clientBefore = net.balance(client.address());
        Trace t = job.sendProveEquivocation(stranger, net.required(job, Net.EQUIVOCATION), second.signature(),
                second.commitment()).trace();
        Net.allOk(t, "equivocation");
        assertThat(job.getJob().status()).isEqualTo(12);
        long slash = lock.longValueExact() * net.params.slashing().equivocationSlashBps() / 10_000;
        long toProver = slash * net.params.slashing().challengerShareBps() / 10_000;
        long toClient = slash * net.params.slashing().clientShareBps() / 10_000;
        assertThat(runner.operator().getOperator().stake()).isEqualTo(stake.subtract(BigInteger.valueOf(slash)));
        assertThat(net.balance(stranger.address()).subtract(proverBefore))
                .isGreaterThan(BigInteger.valueOf(toProver).subtract(net.required(job, Net.EQUIVOCATION)).subtract(ton("0.01")));
        assertThat(net.balance(client.address()).subtract(clientBefore))
                .isGreaterThan(BigInteger.valueOf(10_000_000 + toClient));
    }

    private static Bits flip(Bits b, int byteIndex) {
        byte[] bytes = b.toByteArray();
        bytes[byteIndex] ^= 0x01;
        return Bits.of(bytes);
    }
}
