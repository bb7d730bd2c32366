package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.wrappers.root.Config;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.root.JobSpec;
import io.cocoon4j.wrappers.root.RootMsg;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/**
 * One named attack per finding of the contracts' security review (C1, C2, H1, H2, H3; see the
 * threat model in contracts/README.md): each failed on the code before its fix.
 */
class ReviewFindingsTest {

    /** A tree of distinct full cells, 4 children each: 341 cells at depth 4. */
    static Cell tree(int depth, long[] counter) {
        CellBuilder b = CellBuilder.beginCell().storeBytes(new byte[120]).storeUint(counter[0]++, 32);
        if (depth > 0) {
            for (int i = 0; i < 4; i++) {
                b.storeRef(tree(depth - 1, counter));
            }
        }
        return b.endCell();
    }

    /** create_job whose sampling cell drags a tree of 341 cells: a deploy far above size::deploy_*. */
    static Cell fatCreateJob(long nonce, JobSpec spec) {
        Cell fatSampling = CellBuilder.beginCell().storeCell(spec.sampling().toCell()).storeRef(tree(4, new long[1]))
                .endCell();
        Cell fatSpec = CellBuilder.beginCell().storeBytes(spec.model().toByteArray())
                .storeBytes(spec.inputCommitment().toByteArray()).storeUint(spec.maxTokens(), 32)
                .storeUint(spec.pricePerToken(), 64).storeRef(fatSampling).endCell();
        return CellBuilder.beginCell().storeUint(RootMsg.CreateJob.TAG, 32).storeUint(7, 64).storeUint(nonce, 64)
                .storeRef(fatSpec).endCell();
    }

    @Test
    void c2FatSamplingSpecIsRefusedSoNoJobCanBeShortOfItsSettlementBudget() {
        try (Net net = new Net()) {
            Net.Party runner = net.register("c2-runner", Net.RUNNER, ton("10"));
            WalletV4 client = net.chain.fundedWallet("c2-client");
            BigInteger value = net.root.getCreateJobValue(1, BigInteger.valueOf(1_000)).add(ton("0.05"));
            BigInteger rootBefore = net.root.balance();
            Trace t = client.send(List.of(Transfer.of(net.root.address(), value, fatCreateJob(1, Net.spec(1, 1_000)))));
            // refused at root: nothing deployed, the value bounces back to the client (root keeps no more than its gas)
            assertThat(Net.exit(t, net.root.address())).as("root's exit code:%s", Net.describe(t)).isEqualTo(1042);
            assertThat(net.chain.account(net.jobAt(client.address(), 1).address()).isActive()).isFalse();
            assertThat(t.on(client.address()).stream().anyMatch(tx -> tx.inMessage().orElseThrow().bounced())).isTrue();
            assertThat(net.root.balance().subtract(rootBefore)).isLessThan(ton("0.01"));

            // the same tiny job with a lean spec: accepted, expired, and the runner's lock is released
            JobContract job = net.createJob(client, 2, 1, 1_000);
            Net.allOk(job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), "accept");
            assertThat(runner.operator().getOperator().locked()).isPositive();
            net.chain.advanceTime(net.params.deadlines().commitWindow() + 1);
            Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "expire");
            assertThat(job.getJob().status()).isEqualTo(11);
            assertThat(runner.operator().getOperator().locked()).isZero();
            assertThat(runner.operator().getLock(MsgAddress.of(job.address()))).isZero();
            assertThat(job.balance()).isZero();
        }
    }

    /** Registers {@code n} verifiers named {@code prefix-i}, each with 10 TON above the bond. */
    static List<Net.Party> verifiers(Net net, String prefix, int n) {
        List<Net.Party> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            all.add(net.register(prefix + "-" + i, Net.VERIFIER, ton("10")));
        }
        return all;
    }

    /** A challenge by {@code challenger} carried through seeds to the drawn jury; returns the drawn among {@code pool}. */
    static List<Net.Party> challengeToJury(Net net, JobContract job, Net.Party runner, Net.Party challenger,
            List<Net.Party> pool) {
        BigInteger share = BigInteger.valueOf(4242);
        Net.allOk(job.sendChallenge(challenger.wallet(), net.required(job, Net.CHALLENGE), 3,
                Net.seedHash(job.address(), share)).trace(), "challenge");
        Net.ok(job.sendRunnerSeed(runner.wallet(), net.required(job, Net.STEP), BigInteger.TEN).trace(), job.address());
        Net.allOk(job.sendRevealSeed(challenger.wallet(), net.required(job, Net.STEP), share).trace(), "reveal");
        assertThat(job.getJob().status()).isEqualTo(8);
        return pool.stream().filter(v -> job.getJuror(v.id()).drawn()).toList();
    }

    /** Each of {@code voters} commits, and after the commit window reveals, {@code guilty}. */
    static void voteAndReveal(Net net, JobContract job, List<Net.Party> voters, boolean guilty) {
        for (Net.Party juror : voters) {
            Net.ok(job.sendVoteCommit(juror.wallet(), net.required(job, Net.STEP),
                    Net.voteHash(job.address(), juror.address(), guilty, Net.sha("salt-" + juror.name()))).trace(),
                    job.address());
        }
        net.chain.advanceTime(net.params.deadlines().voteCommitWindow() + 1);
        for (Net.Party juror : voters) {
            Net.ok(job.sendVoteReveal(juror.wallet(), net.required(job, Net.STEP), guilty,
                    Net.sha("salt-" + juror.name())).trace(), job.address());
        }
        net.chain.advanceTime(net.params.deadlines().voteRevealWindow() + 1);
    }

    @Test
    void c1SockPuppetChallengerDefaultsAndAnHonestChallengerStillGetsTheCheaterSlashed() {
        try (Net net = new Net()) {
            Net.Party runner = net.register("c1-runner", Net.RUNNER, ton("10"));
            Net.Party puppet = net.register("c1-puppet", Net.VERIFIER, ton("10")); // the runner's own verifier
            Net.Party honest = net.register("c1-honest", Net.VERIFIER, ton("10"));
            List<Net.Party> others = verifiers(net, "c1-juror", 6);
            WalletV4 client = net.chain.fundedWallet("c1-client");
            JobContract job = net.committedJob(client, 1, runner, 700);

            // the puppet challenges first; the honest verifier is locked out while it lasts
            BigInteger share = BigInteger.valueOf(77);
            Net.allOk(job.sendChallenge(puppet.wallet(), net.required(job, Net.CHALLENGE), 0,
                    Net.seedHash(job.address(), share)).trace(), "puppet challenge");
            Net.rejects(job::storage, () -> job.sendChallenge(honest.wallet(), net.required(job, Net.CHALLENGE), 3,
                    Net.seedHash(job.address(), BigInteger.TEN)).trace(), job.address(), 1020);
            Net.ok(job.sendRunnerSeed(runner.wallet(), net.required(job, Net.STEP), BigInteger.ONE).trace(),
                    job.address());
            // ... and never reveals its share
            net.chain.advanceTime(net.params.deadlines().seedWindow() + 1);
            BigInteger puppetStake = puppet.operator().getOperator().stake();
            BigInteger runnerWallet = net.balance(runner.address());
            BigInteger runnerEarnings = runner.operator().getOperator().earnings();
            BigInteger treasury = net.root.getTreasury();
            Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "abandoned challenge");

            // no verdict: committed again with a fresh challenge window, the runner is not paid
            assertThat(job.getJob().status()).isEqualTo(3);
            assertThat(job.getJob().deadline())
                    .isEqualTo(net.chain.now() + net.params.deadlines().challengeWindow());
            assertThat(runner.operator().getOperator().earnings()).isEqualTo(runnerEarnings);
            // the puppet's bond went to the treasury, not to the runner
            BigInteger bond = BigInteger.valueOf(net.params.stakes().verifierBond());
            assertThat(puppet.operator().getOperator().stake()).isEqualTo(puppetStake.subtract(bond));
            assertThat(puppet.operator().getOperator().locked()).isZero();
            assertThat(net.root.getTreasury().subtract(treasury)).isGreaterThanOrEqualTo(bond);
            assertThat(net.balance(runner.address())).isLessThanOrEqualTo(runnerWallet);

            // the honest verifier now challenges, and the jury finds the result wrong
            List<Net.Party> pool = new ArrayList<>(others);
            pool.add(puppet);
            List<Net.Party> jury = challengeToJury(net, job, runner, honest, pool);
            assertThat(jury).hasSize(net.params.jury().size());
            voteAndReveal(net, job, jury.stream().filter(j -> j != puppet).toList(), true);
            BigInteger runnerStake = runner.operator().getOperator().stake();
            BigInteger lock = job.getRunner().lock();
            Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "verdict");
            assertThat(job.getJob().status()).isEqualTo(13);
            assertThat(runner.operator().getOperator().stake()).isEqualTo(runnerStake.subtract(
                    lock.multiply(BigInteger.valueOf(net.params.slashing().fraudSlashBps())).divide(BigInteger.valueOf(10_000))));
            assertThat(runner.operator().getOperator().locked()).isZero();
            assertThat(honest.operator().getOperator().locked()).isZero();
            assertThat(job.balance()).isZero();
        }
    }

    @Test
    void h1RunnerSelfProvingEquivocationDuringTheVotePaysTheChallengerAndJurorsNotItself() {
        // the challenger gets the prover's whole share; voting jurors are paid from the treasury's part
        try (Net net = new Net()) {
            Net.Party runner = net.register("h1-runner", Net.RUNNER, ton("10"));
            Net.Party challenger = net.register("h1-challenger", Net.VERIFIER, ton("10"));
            List<Net.Party> pool = verifiers(net, "h1-juror", 6);
            WalletV4 client = net.chain.fundedWallet("h1-client");
            JobContract job = net.committedJob(client, 1, runner, 700);
            List<Net.Party> jury = challengeToJury(net, job, runner, challenger, pool);
            List<Net.Party> voters = jury.subList(0, 3);
            for (Net.Party juror : voters) {
                Net.ok(job.sendVoteCommit(juror.wallet(), net.required(job, Net.STEP),
                        Net.voteHash(job.address(), juror.address(), true, Net.sha("s-" + juror.name()))).trace(),
                        job.address());
            }
            // guilty votes are coming: the runner proves its own equivocation from its own wallet
            SignedCommitment second = SignedCommitment.sign(runner.enclave(), Net.commitment(job, 700, "other"));
            BigInteger lock = job.getRunner().lock();
            BigInteger runnerWallet = net.balance(runner.address());
            BigInteger challengerWallet = net.balance(challenger.address());
            BigInteger voterWallet = net.balance(voters.get(0).address());
            BigInteger silentWallet = net.balance(jury.get(jury.size() - 1).address());
            Trace t = job.sendProveEquivocation(runner.wallet(), net.required(job, Net.EQUIVOCATION),
                    second.signature(), second.commitment()).trace();
            Net.allOk(t, "self-proved equivocation");
            assertThat(job.getJob().status()).isEqualTo(12);

            long slash = lock.longValueExact() * net.params.slashing().equivocationSlashBps() / 10_000;
            long share = slash * net.params.slashing().challengerShareBps() / 10_000;
            long toClient = slash * net.params.slashing().clientShareBps() / 10_000;
            long reward = Math.min(net.params.jury().jurorReward(), (slash - share - toClient) / voters.size());
            long toChallenger = share;
            BigInteger slack = ton("0.002");
            // the runner got nothing back: it paid its message and lost the slash
            assertThat(net.balance(runner.address())).isLessThan(runnerWallet);
            assertThat(net.balance(challenger.address()).subtract(challengerWallet))
                    .isBetween(BigInteger.valueOf(toChallenger).subtract(slack), BigInteger.valueOf(toChallenger));
            assertThat(net.balance(voters.get(0).address()).subtract(voterWallet))
                    .isBetween(BigInteger.valueOf(reward).subtract(slack), BigInteger.valueOf(reward));
            // a drawn juror who had not committed gets nothing
            assertThat(net.balance(jury.get(jury.size() - 1).address())).isEqualTo(silentWallet);
            assertThat(challenger.operator().getOperator().locked()).isZero();
            assertThat(runner.operator().getOperator().locked()).isZero();
        }
    }

    @Test
    void h2AJuryBelowQuorumOrNoJuryAtAllIsNoDecisionAndTheChallengerKeepsItsBond() {
        try (Net net = new Net()) {
            Net.Party runner = net.register("h2-runner", Net.RUNNER, ton("10"));
            Net.Party challenger = net.register("h2-challenger", Net.VERIFIER, ton("10"));
            WalletV4 client = net.chain.fundedWallet("h2-client");

            // an empty registry apart from the parties: root draws nobody
            JobContract empty = net.committedJob(client, 1, runner, 700);
            BigInteger share = BigInteger.valueOf(5);
            Net.allOk(empty.sendChallenge(challenger.wallet(), net.required(empty, Net.CHALLENGE), 0,
                    Net.seedHash(empty.address(), share)).trace(), "challenge");
            Net.ok(empty.sendRunnerSeed(runner.wallet(), net.required(empty, Net.STEP), BigInteger.TWO).trace(),
                    empty.address());
            Net.allOk(empty.sendRevealSeed(challenger.wallet(), net.required(empty, Net.STEP), share).trace(), "reveal");
            assertThat(empty.getDispute().jurors()).isZero();
            net.chain.advanceTime(net.params.deadlines().voteCommitWindow() + net.params.deadlines().voteRevealWindow() + 1);
            BigInteger stake = challenger.operator().getOperator().stake();
            Net.allOk(empty.sendFinalize(client, net.required(empty, Net.FINALIZE)).trace(), "no jury");
            assertThat(empty.getJob().status()).isEqualTo(9);
            assertThat(challenger.operator().getOperator().stake()).isEqualTo(stake);
            assertThat(challenger.operator().getOperator().locked()).isZero();
            assertThat(runner.operator().getOperator().locked()).isZero();

            // a full jury of which only quorum - 1 reveal: no decision, the silent are fined
            List<Net.Party> pool = verifiers(net, "h2-juror", 6);
            JobContract job = net.committedJob(client, 2, runner, 700);
            List<Net.Party> jury = challengeToJury(net, job, runner, challenger, pool);
            int quorum = net.params.jury().quorum();
            List<Net.Party> present = jury.subList(0, quorum - 1);
            Net.Party silent = jury.get(jury.size() - 1);
            voteAndReveal(net, job, present, false);
            BigInteger challengerStake = challenger.operator().getOperator().stake();
            BigInteger silentStake = silent.operator().getOperator().stake();
            BigInteger earnings = runner.operator().getOperator().earnings();
            Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "below quorum");
            assertThat(job.getJob().status()).isEqualTo(9);
            assertThat(challenger.operator().getOperator().stake()).isEqualTo(challengerStake);
            assertThat(challenger.operator().getOperator().locked()).isZero();
            assertThat(silent.operator().getOperator().stake())
                    .isEqualTo(silentStake.subtract(BigInteger.valueOf(net.params.jury().absenceFine())));
            assertThat(runner.operator().getOperator().earnings()).isGreaterThan(earnings);
            assertThat(runner.operator().getOperator().locked()).isZero();
            assertThat(job.balance()).isZero();
        }
    }

    static final long DAYS_30 = 30L * 24 * 3_600;
    static final long YEAR = 365L * 24 * 3_600;

    static NetworkParams withDeadlines(long[] w) {
        NetworkParams p = NetworkParams.DEFAULTS;
        return new NetworkParams(p.stakes(), new NetworkParams.Deadlines(w[0], w[1], w[2], w[3], w[4], w[5], w[6]),
                p.slashing(), p.jury(), p.fees(), p.audit());
    }

    @Test
    void h3ConfigWindowsBeyondThirtyDaysOrNear2To32AreRefusedAndTheLongestStillDeployJobs() {
        try (Net net = new Net()) {
            long[] longest = {DAYS_30, DAYS_30, DAYS_30, YEAR, DAYS_30, DAYS_30, DAYS_30};
            for (int i = 0; i < longest.length; i++) {
                for (long bad : new long[] {longest[i] + 1, 0xFFFF_FFFFL}) {
                    long[] w = longest.clone();
                    w[i] = bad;
                    Config config = NetworkDeployment.config(withDeadlines(w));
                    Net.rejects(net.root::storage, () -> net.root.sendSetConfig(net.owner, ton("0.05"), config).trace(),
                            net.root.address(), 1037);
                }
            }
            assertThat(net.root.getConfigVersion()).isEqualTo(1);
            // the longest accepted windows still fit the jobs' 32-bit deadlines: create and accept work
            Net.ok(net.root.sendSetConfig(net.owner, ton("0.05"), NetworkDeployment.config(withDeadlines(longest)))
                    .trace(), net.root.address());
            Net.Party runner = net.register("h3-runner", Net.RUNNER, ton("10"));
            WalletV4 client = net.chain.fundedWallet("h3-client");
            JobContract job = net.createJob(client, 1, 100, 1_000);
            assertThat(job.getJob().status()).isZero();
            assertThat(job.getJob().deadline()).isEqualTo(net.chain.now() + DAYS_30);
            Net.allOk(job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), "accept");
            assertThat(job.getJob().status()).isEqualTo(2);
        }
    }
}
