package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static io.cocoon4j.wrappers.network.Net.ok;
import static io.cocoon4j.wrappers.network.Net.rejects;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.root.Config;
import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.CellBuilder;

/** Root: ownership, config versions, allow-lists, the factory's checks and the verifier registry. */
class RootTest {
    static Net net;

    @BeforeAll
    static void start() {
        net = new Net();
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    @Test
    void rootStorageIsTheNetworkParams() {
        assertThat(net.root.storage().config()).isEqualTo(NetworkDeployment.config(NetworkParams.DEFAULTS));
        assertThat(Config.fromCell(net.root.getConfig())).isEqualTo(NetworkDeployment.config(NetworkParams.DEFAULTS));
        assertThat(net.root.getConfigVersion()).isEqualTo(1);
        assertThat(net.root.getModelCap(new BigInteger(1, Net.MODEL.toByteArray()))).isEqualTo(Net.PRICE_CAP);
        assertThat(net.root.getMeasurementAllowed(new BigInteger(1, Net.MEASUREMENT.toByteArray()))).isTrue();
    }

    @Test
    void ownershipMovesInTwoSteps() {
        try (Net n = new Net()) {
            WalletV4 next = n.chain.fundedWallet("next-owner");
            WalletV4 stranger = n.chain.fundedWallet("stranger");
            rejects(n.root::storage, () -> n.root.sendProposeOwner(stranger, ton("0.05"), MsgAddress.of(stranger.address()))
                    .trace(), n.root.address(), 1001);
            ok(n.root.sendProposeOwner(n.owner, ton("0.05"), MsgAddress.of(next.address())).trace(), n.root.address());
            assertThat(n.root.getOwner()).isEqualTo(MsgAddress.of(n.owner.address()));
            rejects(n.root::storage, () -> n.root.sendAcceptOwner(stranger, ton("0.05")).trace(), n.root.address(), 1010);
            ok(n.root.sendAcceptOwner(next, ton("0.05")).trace(), n.root.address());
            assertThat(n.root.getOwner()).isEqualTo(MsgAddress.of(next.address()));
            assertThat(n.root.storage().pendingOwner()).isEmpty();
            // the old owner lost its rights
            rejects(n.root::storage, () -> n.root.sendSetModel(n.owner, ton("0.05"), Net.sha("m2"), BigInteger.ONE)
                    .trace(), n.root.address(), 1001);
        }
    }

    @Test
    void attackParameterChangeInTheMiddleOfAJobLeavesItOnItsSnapshot() {
        try (Net n = new Net()) {
            WalletV4 client = n.chain.fundedWallet("cfg-client");
            JobContract before = n.createJob(client, 1, 100, 1_000);
            NetworkParams p = NetworkParams.DEFAULTS;
            NetworkParams changed = new NetworkParams(p.stakes(), new NetworkParams.Deadlines(60, 60, 60, 60, 60, 60, 60),
                    p.slashing(), p.jury(), p.fees(), p.audit());
            ok(n.root.sendSetConfig(n.owner, ton("0.05"), NetworkDeployment.config(changed)).trace(), n.root.address());
            assertThat(n.root.getConfigVersion()).isEqualTo(2);
            JobContract after = n.createJob(client, 2, 100, 1_000);
            assertThat(before.getJob().configVersion()).isEqualTo(1);
            assertThat(Config.fromCell(before.getConfig()).acceptWindow()).isEqualTo(600);
            assertThat(after.getJob().configVersion()).isEqualTo(2);
            assertThat(Config.fromCell(after.getConfig()).acceptWindow()).isEqualTo(60);
            assertThat(before.getJob().deadline()).isEqualTo(Net.START + 600);
            // out-of-range values are refused
            Config even = NetworkDeployment.config(p);
            Config bad = new Config(even.minRunnerStake(), even.verifierBond(), even.jobLockBps(), even.minJobLock(),
                    even.acceptWindow(), even.commitWindow(), even.challengeWindow(), even.unbondingDelay(),
                    even.seedWindow(), even.voteCommitWindow(), even.voteRevealWindow(), even.fraudSlashBps(),
                    even.missedDeadlineSlashBps(), even.equivocationSlashBps(), 9_000, 9_000, even.jurySize(),
                    even.juryQuorum(), even.jurorReward(), even.absenceFine(), even.protocolFeeBps(), even.auditFeeBps());
            rejects(n.root::storage, () -> n.root.sendSetConfig(n.owner, ton("0.05"), bad).trace(), n.root.address(), 1037);
        }
    }

    @Test
    void theFactoryChecksMeasurementStakeModelPriceAndValue() {
        WalletV4 w = net.chain.fundedWallet("factory-user");
        BigInteger runnerValue = net.root.getRegisterValue(Net.RUNNER);
        Bits key = Net.sha("k");
        rejects(net.root::storage, () -> net.root.sendRegisterOperator(w, runnerValue, Net.RUNNER, key, Net.sha("evil"),
                Net.sha("q"), Map.of()).trace(), net.root.address(), 1011);
        rejects(net.root::storage, () -> net.root.sendRegisterOperator(w, runnerValue.subtract(BigInteger.ONE),
                Net.RUNNER, key, Net.MEASUREMENT, Net.sha("q"), Map.of()).trace(), net.root.address(), 1014);
        rejects(net.root::storage, () -> net.root.sendRegisterOperator(w, runnerValue, 3, key, Net.MEASUREMENT,
                Net.sha("q"), Map.of()).trace(), net.root.address(), 1016);
        BigInteger jobValue = net.root.getCreateJobValue(100, BigInteger.valueOf(1_000));
        rejects(net.root::storage, () -> net.root.sendCreateJob(w, jobValue, BigInteger.ONE,
                new io.cocoon4j.wrappers.root.JobSpec(Net.sha("other-model"), Net.sha("p"), 100, BigInteger.valueOf(1_000),
                        Net.spec(1, 1).sampling())).trace(), net.root.address(), 1012);
        rejects(net.root::storage, () -> net.root.sendCreateJob(w, ton("10"), BigInteger.ONE,
                Net.spec(100, Net.PRICE_CAP.longValueExact() + 1)).trace(), net.root.address(), 1013);
        rejects(net.root::storage, () -> net.root.sendCreateJob(w, jobValue.subtract(BigInteger.ONE), BigInteger.ONE,
                Net.spec(100, 1_000)).trace(), net.root.address(), 1015);
        rejects(net.root::storage, () -> net.root.sendCreateJob(w, jobValue, BigInteger.ONE, Net.spec(0, 1_000)).trace(),
                net.root.address(), 1040);
        assertThat(net.chain.account(net.jobAt(w.address(), 1).address()).isActive()).isFalse();
    }

    @Test
    void unknownOpsAndTruncatedBodiesAreRejected() {
        WalletV4 w = net.chain.fundedWallet("garbage-sender");
        rejects(net.root::storage, () -> w.send(Transfer.of(net.root.address(), ton("0.05"),
                CellBuilder.beginCell().storeUint(0xdeadbeefL, 32).storeUint(0, 64).endCell())), net.root.address(), 1002);
        // create_job cut after its query id: the TVM's cell underflow (9)
        rejects(net.root::storage, () -> w.send(Transfer.of(net.root.address(), ton("0.05"),
                CellBuilder.beginCell().storeUint(io.cocoon4j.wrappers.root.RootMsg.CreateJob.TAG, 32).storeUint(0, 64)
                        .endCell())), net.root.address(), 9);
        // a message pretending to come from a job or an operator
        rejects(net.root::storage, () -> net.root.sendVerifierJoin(w, ton("0.05"), MsgAddress.of(w.address())).trace(),
                net.root.address(), 1018);
        rejects(net.root::storage, () -> net.root.sendDrawJury(w, ton("0.05"), MsgAddress.of(w.address()), BigInteger.ONE,
                BigInteger.TEN, 5, new io.cocoon4j.wrappers.root.JuryParties(Net.sha("a"), Net.sha("b"))).trace(),
                net.root.address(), 1017);
    }

    @Test
    void verifiersJoinTheRegistryAndLeaveItOnExitBySwappingTheLast() {
        try (Net n = new Net()) {
            Net.Party a = n.verifier("reg-a");
            Net.Party b = n.verifier("reg-b");
            Net.Party c = n.verifier("reg-c");
            assertThat(n.root.getVerifierCount()).isEqualTo(3);
            assertThat(n.root.getVerifierAt(0)).isEqualTo(a.id());
            ok(a.operator().sendStartExit(a.wallet(), ton("0.1")).trace(), a.operator().address());
            assertThat(n.root.getVerifierCount()).isEqualTo(2);
            assertThat(n.root.getVerifierAt(0)).isEqualTo(c.id());
            assertThat(n.root.getVerifierAt(1)).isEqualTo(b.id());
            assertThat(n.root.storage().lists().verifierIndex()).hasSize(2);
        }
    }

    @Test
    void theOwnerWithdrawsTheTreasuryButNeverTheReserve() {
        BigInteger treasury = net.root.getTreasury();
        assertThat(treasury).isPositive();
        WalletV4 to = net.chain.fundedWallet("treasury-dest");
        rejects(net.root::storage, () -> net.root.sendWithdrawTreasury(net.owner, ton("0.05"), treasury.add(BigInteger.ONE),
                MsgAddress.of(to.address())).trace(), net.root.address(), 1039);
        BigInteger before = net.balance(to.address());
        BigInteger amount = treasury.subtract(ton("0.01"));
        ok(net.root.sendWithdrawTreasury(net.owner, ton("0.05"), amount, MsgAddress.of(to.address())).trace(),
                net.root.address());
        assertThat(net.balance(to.address()).subtract(before)).isGreaterThan(amount.subtract(ton("0.002")));
    }
}
