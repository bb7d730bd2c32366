package io.cocoon4j.wrappers.network;

import static io.cocoon4j.wrappers.network.Net.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.wrappers.job.JobContract;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Challenges on LocalChain: seed commit-reveal, jury draw from root, vote commit-reveal, verdict both ways. */
class DisputeTest {
    static Net net;
    static Net.Party runner;
    static List<Net.Party> verifiers = new ArrayList<>();
    static final BigInteger WALLET_SLACK = Transfer.ton("0.002"); // a wallet's own gas for receiving

    @BeforeAll
    static void start() {
        net = new Net();
        runner = net.register("dispute-runner", Net.RUNNER, Transfer.ton("10"));
        for (int i = 0; i < 7; i++) {
            verifiers.add(net.register("verifier-" + i, Net.VERIFIER, Transfer.ton("10")));
        }
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    /** Challenge by verifiers[0] up to the drawn jury; returns the drawn jurors. */
    static List<Net.Party> challengeAndDraw(JobContract job, Net.Party challenger) {
        BigInteger share = new BigInteger("1234567890");
        Trace ch = job.sendChallenge(challenger.wallet(), net.required(job, Net.CHALLENGE), 3,
                Net.seedHash(job.address(), share)).trace();
        Net.allOk(ch, "challenge");
        assertThat(job.getJob().status()).isEqualTo(5);
        assertThat(challenger.operator().getOperator().locked())
                .isEqualTo(BigInteger.valueOf(net.params.stakes().verifierBond()));
        ok(job.sendRunnerSeed(runner.wallet(), net.required(job, Net.STEP), new BigInteger("987654321")).trace(),
                job.address());
        assertThat(job.getJob().status()).isEqualTo(6);
        Trace reveal = job.sendRevealSeed(challenger.wallet(), net.required(job, Net.STEP), share).trace();
        Net.allOk(reveal, "reveal");
        assertThat(job.getJob().status()).isEqualTo(8);
        List<Net.Party> jury = new ArrayList<>();
        for (Net.Party v : verifiers) {
            if (job.getJuror(v.id()).drawn()) {
                jury.add(v);
            }
        }
        assertThat(jury).hasSize(net.params.jury().size()).doesNotContain(challenger);
        assertThat(job.getDispute().jurors()).isEqualTo(jury.size());
        return jury;
    }

    static void vote(JobContract job, List<Net.Party> voters, boolean guilty) {
        for (Net.Party juror : voters) {
            Bits salt = Net.sha("salt-" + juror.name());
            ok(job.sendVoteCommit(juror.wallet(), net.required(job, Net.STEP),
                    Net.voteHash(job.address(), juror.address(), guilty, salt)).trace(), job.address());
            assertThat(job.getJuror(juror.id()).vote()).isEqualTo(1);
        }
    }

    static void reveal(JobContract job, List<Net.Party> voters, boolean guilty) {
        for (Net.Party juror : voters) {
            Bits salt = Net.sha("salt-" + juror.name());
            ok(job.sendVoteReveal(juror.wallet(), net.required(job, Net.STEP), guilty, salt).trace(), job.address());
            assertThat(job.getJuror(juror.id()).vote()).isEqualTo(guilty ? 2 : 3);
        }
    }

    @Test
    void aJuryThatFindsTheChunkWrongSlashesTheRunnerAndPaysChallengerClientJurors() {
        WalletV4 client = net.chain.fundedWallet("dispute-client-1");
        JobContract job = net.committedJob(client, 1, runner, 700);
        Net.Party challenger = verifiers.get(0);
        List<Net.Party> jury = challengeAndDraw(job, challenger);
        vote(job, jury, true);
        net.chain.advanceTime(net.params.deadlines().voteCommitWindow() + 1);
        reveal(job, jury, true);
        net.chain.advanceTime(net.params.deadlines().voteRevealWindow() + 1);

        BigInteger runnerStake = runner.operator().getOperator().stake();
        BigInteger lock = job.getRunner().lock();
        BigInteger challengerBefore = net.balance(challenger.address());
        BigInteger clientBefore = net.balance(client.address());
        BigInteger jurorBefore = net.balance(jury.get(0).address());
        WalletV4 anyone = net.chain.fundedWallet("finalizer");
        Trace fin = job.sendFinalize(anyone, net.required(job, Net.FINALIZE)).trace();
        Net.allOk(fin, "verdict");
        assertThat(job.getJob().status()).isEqualTo(13);

        long pot = lock.longValueExact() * net.params.slashing().fraudSlashBps() / 10_000;
        long reward = Math.min(net.params.jury().jurorReward(), pot / jury.size());
        long rest = pot - reward * jury.size();
        long toChallenger = rest * net.params.slashing().challengerShareBps() / 10_000;
        long toClient = rest * net.params.slashing().clientShareBps() / 10_000;
        assertThat(runner.operator().getOperator().stake()).isEqualTo(runnerStake.subtract(BigInteger.valueOf(pot)));
        assertThat(runner.operator().getLock(io.cocoon4j.tlb.runtime.MsgAddress.of(job.address()))).isZero();
        assertThat(challenger.operator().getOperator().locked()).isZero();
        assertThat(net.balance(challenger.address()).subtract(challengerBefore))
                .isBetween(BigInteger.valueOf(toChallenger).subtract(WALLET_SLACK), BigInteger.valueOf(toChallenger));
        assertThat(net.balance(jury.get(0).address()).subtract(jurorBefore))
                .isBetween(BigInteger.valueOf(reward).subtract(WALLET_SLACK), BigInteger.valueOf(reward));
        // the client gets its whole escrow back plus its share of the slash
        assertThat(net.balance(client.address()).subtract(clientBefore))
                .isGreaterThanOrEqualTo(BigInteger.valueOf(10_000_000 + toClient).subtract(WALLET_SLACK));
        assertThat(job.balance()).isZero();
    }

    @Test
    void aJuryThatUpholdsTheResultForfeitsTheChallengersBondAndFinesTheAbsent() {
        WalletV4 client = net.chain.fundedWallet("dispute-client-2");
        JobContract job = net.committedJob(client, 2, runner, 500);
        Net.Party challenger = verifiers.get(1);
        List<Net.Party> jury = challengeAndDraw(job, challenger);
        List<Net.Party> present = jury.subList(0, jury.size() - 1);
        Net.Party absent = jury.get(jury.size() - 1);
        vote(job, present, false);
        net.chain.advanceTime(net.params.deadlines().voteCommitWindow() + 1);
        reveal(job, present, false);
        net.chain.advanceTime(net.params.deadlines().voteRevealWindow() + 1);

        BigInteger challengerStake = challenger.operator().getOperator().stake();
        BigInteger absentStake = absent.operator().getOperator().stake();
        BigInteger runnerWallet = net.balance(runner.address());
        BigInteger earningsBefore = runner.operator().getOperator().earnings();
        WalletV4 anyone = net.chain.fundedWallet("finalizer-2");
        Trace fin = job.sendFinalize(anyone, net.required(job, Net.FINALIZE)).trace();
        Net.allOk(fin, "verdict");
        assertThat(job.getJob().status()).isEqualTo(9);

        long bond = net.params.stakes().verifierBond();
        long reward = Math.min(net.params.jury().jurorReward(), bond / present.size());
        long rest = bond - reward * present.size();
        assertThat(challenger.operator().getOperator().stake())
                .isEqualTo(challengerStake.subtract(BigInteger.valueOf(bond)));
        assertThat(challenger.operator().getOperator().locked()).isZero();
        assertThat(absent.operator().getOperator().stake())
                .isEqualTo(absentStake.subtract(BigInteger.valueOf(net.params.jury().absenceFine())));
        assertThat(net.balance(runner.address()).subtract(runnerWallet))
                .isBetween(BigInteger.valueOf(rest).subtract(WALLET_SLACK), BigInteger.valueOf(rest));
        long pay = 500L * 10_000;
        long fees = pay * (net.params.fees().protocolFeeBps() + net.params.fees().auditFeeBps()) / 10_000;
        assertThat(runner.operator().getOperator().earnings().subtract(earningsBefore))
                .isEqualTo(BigInteger.valueOf(pay - fees));
        assertThat(runner.operator().getLock(io.cocoon4j.tlb.runtime.MsgAddress.of(job.address()))).isZero();
    }

    @Test
    void attackJurorVotesTwiceLateOrRevealsAVoteItNeverCommitted() {
        WalletV4 client = net.chain.fundedWallet("dispute-client-3");
        JobContract job = net.committedJob(client, 3, runner, 100);
        Net.Party challenger = verifiers.get(2);
        List<Net.Party> jury = challengeAndDraw(job, challenger);
        Net.Party outsider = verifiers.stream().filter(v -> !jury.contains(v) && v != challenger).findFirst()
                .orElseThrow();
        Net.Party voter = jury.get(0);
        Net.Party silent = jury.get(1);
        Bits salt = Net.sha("salt-" + voter.name());
        // not drawn
        Net.rejects(job::storage, () -> job.sendVoteCommit(outsider.wallet(), net.required(job, Net.STEP),
                Net.voteHash(job.address(), outsider.address(), true, salt)).trace(), job.address(), 1025);
        vote(job, List.of(voter), true);
        // twice
        Net.rejects(job::storage, () -> job.sendVoteCommit(voter.wallet(), net.required(job, Net.STEP),
                Net.voteHash(job.address(), voter.address(), false, salt)).trace(), job.address(), 1026);
        // revealing before the commit phase is over
        Net.rejects(job::storage, () -> job.sendVoteReveal(voter.wallet(), net.required(job, Net.STEP), true, salt)
                .trace(), job.address(), 1021);
        net.chain.advanceTime(net.params.deadlines().voteCommitWindow() + 1);
        // committing late
        Net.rejects(job::storage, () -> job.sendVoteCommit(silent.wallet(), net.required(job, Net.STEP),
                Net.voteHash(job.address(), silent.address(), true, salt)).trace(), job.address(), 1022);
        // revealing a vote it never committed, or another vote than committed
        Net.rejects(job::storage, () -> job.sendVoteReveal(silent.wallet(), net.required(job, Net.STEP), true, salt)
                .trace(), job.address(), 1027);
        Net.rejects(job::storage, () -> job.sendVoteReveal(voter.wallet(), net.required(job, Net.STEP), false, salt)
                .trace(), job.address(), 1027);
        reveal(job, List.of(voter), true);
        // revealing twice
        Net.rejects(job::storage, () -> job.sendVoteReveal(voter.wallet(), net.required(job, Net.STEP), true, salt)
                .trace(), job.address(), 1026);
        net.chain.advanceTime(net.params.deadlines().voteRevealWindow() + 1);
        Net.rejects(job::storage, () -> job.sendVoteReveal(voter.wallet(), net.required(job, Net.STEP), true, salt)
                .trace(), job.address(), 1022);
        // one revealed vote is below the quorum: no decision, the runner keeps its result, the challenger its bond
        Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "verdict without quorum");
        assertThat(job.getJob().status()).isEqualTo(9);
    }

    @Test
    void attackChallengerRacingFinalize() {
        WalletV4 client = net.chain.fundedWallet("dispute-client-4");
        JobContract job = net.committedJob(client, 4, runner, 100);
        Net.Party challenger = verifiers.get(3);
        net.chain.advanceTime(net.params.deadlines().challengeWindow());
        // the last second of the window: the challenge wins, finalize must wait for the dispute
        Net.allOk(job.sendChallenge(challenger.wallet(), net.required(job, Net.CHALLENGE), 0,
                Net.seedHash(job.address(), BigInteger.ONE)).trace(), "challenge");
        net.chain.advanceTime(1);
        Net.rejects(job::storage, () -> job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), job.address(),
                1021);
        // and a challenge after the window is refused
        JobContract late = net.committedJob(client, 5, runner, 100);
        net.chain.advanceTime(net.params.deadlines().challengeWindow() + 1);
        Net.rejects(late::storage, () -> late.sendChallenge(challenger.wallet(), net.required(late, Net.CHALLENGE), 0,
                Net.seedHash(late.address(), BigInteger.ONE)).trace(), late.address(), 1022);
        // the runner never shares its seed: it loses the dispute by default
        net.chain.advanceTime(net.params.deadlines().seedWindow() + 1);
        BigInteger stake = runner.operator().getOperator().stake();
        Net.allOk(job.sendFinalize(client, net.required(job, Net.FINALIZE)).trace(), "runner silent");
        assertThat(job.getJob().status()).isEqualTo(13);
        assertThat(runner.operator().getOperator().stake()).isLessThan(stake);
        assertThat(challenger.operator().getOperator().locked()).isZero();
    }
}
