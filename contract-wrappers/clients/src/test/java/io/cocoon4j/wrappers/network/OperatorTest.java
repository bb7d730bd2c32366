package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static io.cocoon4j.wrappers.network.Net.ok;
import static io.cocoon4j.wrappers.network.Net.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Stake accounts: locks, earnings, unbonding and withdrawal. */
class OperatorTest {

    @Test
    void oneStakeCannotBackTwoJobsBeyondItsFreeStake() {
        // a lock per job as large as the whole minimum stake
        NetworkParams p = NetworkParams.DEFAULTS;
        NetworkParams big = new NetworkParams(new NetworkParams.Stakes(p.stakes().minRunnerStake(),
                p.stakes().verifierBond(), p.stakes().jobLockBps(), p.stakes().minRunnerStake()), p.deadlines(),
                p.slashing(), p.jury(), p.fees(), p.audit());
        try (Net net = new Net(big)) {
            Net.Party runner = net.runner("double-runner");
            WalletV4 client = net.chain.fundedWallet("double-client");
            JobContract first = net.createJob(client, 1, 100, 1_000);
            JobContract second = net.createJob(client, 2, 100, 1_000);
            Net.allOk(first.sendAccept(runner.wallet(), net.required(first, Net.ACCEPT)).trace(), "first accept");
            BigInteger locked = runner.operator().getOperator().locked();
            Trace t = second.sendAccept(runner.wallet(), net.required(second, Net.ACCEPT)).trace();
            // the operator refuses (1028), its bounce puts the job back to open
            assertThat(Net.exit(t, runner.operator().address())).isEqualTo(1028);
            assertThat(second.getJob().status()).isZero();
            assertThat(second.getRunner().lock()).isZero();
            assertThat(runner.operator().getOperator().locked()).isEqualTo(locked);
            assertThat(runner.operator().getLock(MsgAddress.of(second.address()))).isZero();
        }
    }

    @Test
    void earningsAreWithdrawnAndTheStakeLeavesOnlyAfterLocksAndTheDelay() {
        try (Net net = new Net()) {
            Net.Party runner = net.runner("exit-runner");
            WalletV4 client = net.chain.fundedWallet("exit-client");
            JobContract job = net.committedJob(client, 1, runner, 400);
            // not the owner
            rejects(runner.operator()::storage, () -> runner.operator().sendStartExit(client, ton("0.1")).trace(),
                    runner.operator().address(), 1001);
            ok(runner.operator().sendStartExit(runner.wallet(), ton("0.1")).trace(), runner.operator().address());
            assertThat(runner.operator().getOperator().status()).isEqualTo(1);
            // unbonding operators accept no new job
            JobContract other = net.createJob(client, 2, 100, 1_000);
            Trace refused = other.sendAccept(runner.wallet(), net.required(other, Net.ACCEPT)).trace();
            assertThat(Net.exit(refused, runner.operator().address())).isEqualTo(1029);
            // the lock is still held
            net.chain.advanceTime(net.params.deadlines().unbondingDelay() + 1);
            rejects(runner.operator()::storage, () -> runner.operator().sendWithdrawStake(runner.wallet(), ton("0.1"))
                    .trace(), runner.operator().address(), 1030);
            Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "finalize");
            BigInteger earnings = runner.operator().getOperator().earnings();
            assertThat(earnings).isPositive();
            // releasing the last lock restarts the delay
            rejects(runner.operator()::storage, () -> runner.operator().sendWithdrawStake(runner.wallet(), ton("0.1"))
                    .trace(), runner.operator().address(), 1021);
            BigInteger before = net.balance(runner.address());
            ok(runner.operator().sendWithdrawEarnings(runner.wallet(), ton("0.1")).trace(), runner.operator().address());
            assertThat(runner.operator().getOperator().earnings()).isZero();
            assertThat(net.balance(runner.address()).subtract(before)).isGreaterThan(earnings.subtract(ton("0.1")));
            net.chain.advanceTime(net.params.deadlines().unbondingDelay() + 1);
            BigInteger stake = runner.operator().getOperator().stake();
            BigInteger beforeExit = net.balance(runner.address());
            ok(runner.operator().sendWithdrawStake(runner.wallet(), ton("0.1")).trace(), runner.operator().address());
            assertThat(runner.operator().getOperator().status()).isEqualTo(2);
            assertThat(runner.operator().getOperator().stake()).isZero();
            assertThat(runner.operator().balance()).isZero();
            assertThat(net.balance(runner.address()).subtract(beforeExit)).isGreaterThan(stake);
        }
    }

    @Test
    void topUpIsForTheOwnerAndRegisteringTwiceChangesNothing() {
        try (Net net = new Net()) {
            Net.Party runner = net.runner("topup-runner");
            WalletV4 stranger = net.chain.fundedWallet("topup-stranger");
            rejects(runner.operator()::storage, () -> runner.operator().sendTopUp(stranger, ton("5")).trace(),
                    runner.operator().address(), 1001);
            BigInteger stake = runner.operator().getOperator().stake();
            ok(runner.operator().sendTopUp(runner.wallet(), ton("5")).trace(), runner.operator().address());
            assertThat(runner.operator().getOperator().stake().subtract(stake)).isBetween(ton("4.9"), ton("5"));
            // a second registration: the operator refunds the owner and keeps its state
            var before = runner.operator().storage();
            BigInteger wallet = net.balance(runner.address());
            BigInteger value = net.root.getRegisterValue(Net.RUNNER);
            Net.allOk(net.root.sendRegisterOperator(runner.wallet(), value, Net.RUNNER, Net.sha("new-key"), Net.MEASUREMENT,
                    Net.sha("q"), java.util.Map.of()).trace(), "second registration");
            assertThat(runner.operator().storage()).isEqualTo(before);
            assertThat(wallet.subtract(net.balance(runner.address()))).isLessThan(ton("0.1"));
        }
    }
}
