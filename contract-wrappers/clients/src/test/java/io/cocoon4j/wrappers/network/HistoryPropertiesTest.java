package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.operator.OperatorContract;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random histories of clients, runners, verifiers, jurors, an attacker and time jumps, generated
 * with jqwik's arbitraries from a seed and replayed on one LocalChain restored to the same
 * snapshot before each history. After every step: all balances plus all fees paid are constant,
 * no operator's locks exceed its stake, a stake falls only on a verdict, an expiry or an
 * equivocation proof, a runner's earnings never grow by more than the jobs' escrows. After all
 * deadlines: every job settled and empty, no lock left, and (every fourth history) every
 * operator exits with its whole balance.
 *
 * <p>{@code -Dcocoon.histories=N} sets the number of histories (default 100, about two minutes
 * on a quiet 2-core machine); {@code -Dcocoon.histories.seed=S} replays from a seed.
 */
class HistoryPropertiesTest {
    static final int HISTORIES = Integer.getInteger("cocoon.histories", 100);
    static final long SEED = Long.getLong("cocoon.histories.seed", 20261203L);

    static Net net;
    static List<Net.Party> runners = new ArrayList<>();
    static List<Net.Party> verifiers = new ArrayList<>();
    static List<WalletV4> clients = new ArrayList<>();
    static WalletV4 attacker;
    static LocalChain.Snapshot start;

    @BeforeContainer
    static void setUp() {
        net = new Net();
        for (int i = 0; i < 2; i++) {
            runners.add(net.register("h-runner-" + i, Net.RUNNER, ton("20")));
            clients.add(net.chain.fundedWallet("h-client-" + i));
        }
        for (int i = 0; i < 7; i++) {
            verifiers.add(net.register("h-verifier-" + i, Net.VERIFIER, ton("20")));
        }
        attacker = net.chain.fundedWallet("h-attacker");
        start = net.chain.snapshot();
    }

    @AfterContainer
    static void tearDown() {
        net.close();
    }

    /** One history's state: jobs created so far and every account it may touch. */
    static final class World {
        final List<JobContract> jobs = new ArrayList<>();
        final List<BigInteger> escrows = new ArrayList<>();
        final Set<String> accounts = new LinkedHashSet<>();
        final List<org.ton.ton4j.address.Address> addresses = new ArrayList<>();
        BigInteger fees = BigInteger.ZERO;
        BigInteger total;
        int nonce;

        void track(org.ton.ton4j.address.Address a) {
            if (accounts.add(a.toRaw())) {
                addresses.add(a);
            }
        }

        BigInteger balances() {
            BigInteger sum = BigInteger.ZERO;
            for (var a : addresses) {
                sum = sum.add(net.chain.account(a).balance());
            }
            return sum;
        }
    }

    /** One jqwik property whose histories come from jqwik's generators, seeded for replay. */
    @Property(tries = 1)
    void randomHistoriesConserveValueAndLeaveNothingStuck() {
        Arbitrary<List<Integer>> histories = Arbitraries.integers().between(0, 9_999).list().ofMinSize(6).ofMaxSize(16);
        Random random = new Random(SEED);
        long t0 = System.nanoTime();
        for (int h = 0; h < HISTORIES; h++) {
            List<Integer> steps = histories.generator(100).next(random).value();
            try {
                runHistory(steps, h % 4 == 0);
            } catch (AssertionError e) {
                throw new AssertionError("history " + h + " (seed " + SEED + ") steps " + steps + ": " + e.getMessage(), e);
            }
        }
        System.out.printf("%d random histories in %.1f s%n", HISTORIES, (System.nanoTime() - t0) / 1e9);
    }

    void runHistory(List<Integer> steps, boolean exitAll) {
        net.chain.restore(start);
        World w = new World();
        w.track(net.root.address());
        w.track(attacker.address());
        clients.forEach(c -> w.track(c.address()));
        for (Net.Party p : all()) {
            w.track(p.address());
            w.track(p.operator().address());
        }
        w.total = w.balances();
        for (int step : steps) {
            act(w, step);
        }
        // after all deadlines every job settles
        for (int round = 0; round < 4; round++) {
            net.chain.advanceTime(4_000);
            for (JobContract job : w.jobs) {
                if (job.getJob().status() < 9) {
                    apply(w, job.sendFinalize(attacker, net.required(job, Net.FINALIZE)).trace(), "settle");
                }
            }
        }
        for (JobContract job : w.jobs) {
            assertThat(job.getJob().status()).as("job settled").isGreaterThanOrEqualTo(9);
            assertThat(job.balance()).as("nothing left in a settled job").isZero();
        }
        for (Net.Party p : all()) {
            assertThat(p.operator().getOperator().locked()).as("locks of %s after all deadlines", p.name()).isZero();
        }
        if (exitAll) {
            for (Net.Party p : all()) {
                apply(w, p.operator().sendStartExit(p.wallet(), ton("0.1")).trace(), "exit");
            }
            net.chain.advanceTime(net.params.deadlines().unbondingDelay() + 1);
            for (Net.Party p : all()) {
                apply(w, p.operator().sendWithdrawStake(p.wallet(), ton("0.1")).trace(), "withdraw_stake");
                assertThat(p.operator().balance()).as("%s withdrew everything", p.name()).isZero();
            }
        }
    }

    static List<Net.Party> all() {
        List<Net.Party> all = new ArrayList<>(runners);
        all.addAll(verifiers);
        return all;
    }

    void act(World w, int step) {
        int kind = step % 11;
        int arg = step / 11;
        JobContract job = w.jobs.isEmpty() ? null : w.jobs.get(arg % w.jobs.size());
        Net.Party runner = runners.get(arg % runners.size());
        switch (kind) {
            case 0 -> {
                WalletV4 client = clients.get(arg % clients.size());
                long nonce = w.nonce++;
                JobContract created = net.jobAt(client.address(), nonce);
                w.track(created.address());
                long maxTokens = 10 + arg % 500;
                BigInteger value = net.root.getCreateJobValue(maxTokens, BigInteger.valueOf(1_000));
                apply(w, net.root.sendCreateJob(client, value, BigInteger.valueOf(nonce), Net.spec(maxTokens, 1_000))
                        .trace(), "create");
                w.jobs.add(created);
                w.escrows.add(BigInteger.valueOf(maxTokens * 1_000));
            }
            case 1 -> {
                if (job != null) {
                    apply(w, job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace(), "accept");
                }
            }
            case 2, 3 -> {
                // a cancelled job (10) never had a runner: nobody could sign for it
                if (job != null && job.getJob().status() >= 2 && job.getJob().status() != 10) {
                    Net.Party owner = runnerOf(job);
                    SignedCommitment s = SignedCommitment.sign(owner.enclave(),
                            Net.commitment(job, arg % 20, kind == 2 ? "honest" : "other-" + arg));
                    long op = job.getJob().status() == 2 ? Net.COMMIT : Net.EQUIVOCATION;
                    apply(w, op == Net.COMMIT
                            ? job.sendCommit(owner.wallet(), net.required(job, op), s.signature(), s.commitment()).trace()
                            : job.sendProveEquivocation(attacker, net.required(job, op), s.signature(), s.commitment())
                                    .trace(), op == Net.COMMIT ? "commit" : "equivocation"); // a second signed result is a proof
                }
            }
            case 4 -> {
                if (job != null) {
                    Net.Party v = verifiers.get(arg % verifiers.size());
                    apply(w, job.sendChallenge(v.wallet(), net.required(job, Net.CHALLENGE), 0,
                            Net.seedHash(job.address(), BigInteger.valueOf(arg))).trace(), "challenge");
                }
            }
            case 5 -> {
                if (job != null && job.getJob().status() == 5) {
                    apply(w, job.sendRunnerSeed(runnerOf(job).wallet(), net.required(job, Net.STEP),
                            BigInteger.valueOf(arg)).trace(), "runner_seed");
                }
            }
            case 6 -> {
                if (job != null && job.getJob().status() == 6) {
                    Net.Party ch = challengerOf(job);
                    // the challenge's share was the arg of its challenge step: reveal what the job expects
                    for (int guess = 0; guess < 1_000; guess++) {
                        if (Net.seedHash(job.address(), BigInteger.valueOf(guess)).equals(seedHashOf(job))) {
                            apply(w, job.sendRevealSeed(ch.wallet(), net.required(job, Net.STEP),
                                    BigInteger.valueOf(guess)).trace(), "reveal_seed");
                            break;
                        }
                    }
                }
            }
            case 7 -> {
                if (job != null && job.getJob().status() == 8) {
                    boolean guilty = arg % 2 == 0;
                    for (Net.Party v : verifiers) {
                        if (job.getJuror(v.id()).drawn()) {
                            Bits salt = Net.sha("salt" + v.name());
                            boolean committing = net.chain.now() <= job.getJob().deadline();
                            apply(w, committing
                                    ? job.sendVoteCommit(v.wallet(), net.required(job, Net.STEP),
                                            Net.voteHash(job.address(), v.address(), guilty, salt)).trace()
                                    : job.sendVoteReveal(v.wallet(), net.required(job, Net.STEP), guilty, salt).trace(),
                                    "vote");
                        }
                    }
                }
            }
            case 8 -> net.chain.advanceTime(new long[] {100, 700, 3_700}[arg % 3]);
            case 9 -> {
                if (job != null) {
                    apply(w, job.sendFinalize(attacker, net.required(job, Net.FINALIZE)).trace(), "finalize");
                }
            }
            default -> {
                // the attacker forges child messages: always refused, nothing changes
                OperatorContract op = runner.operator();
                apply(w, op.sendRelease(attacker, ton("0.05"), MsgAddress.of(clients.get(0).address()), BigInteger.ZERO,
                        ton("1")).trace(), "forged release");
                if (job != null) {
                    apply(w, job.sendLockOk(attacker, ton("0.05"), MsgAddress.of(runner.address()), Net.sha("k"), ton("1"))
                            .trace(), "forged lock_ok");
                }
            }
        }
    }

    static Net.Party runnerOf(JobContract job) {
        MsgAddress owner = job.getRunner().runner();
        return runners.stream().filter(r -> MsgAddress.of(r.address()).equals(owner)).findFirst().orElseThrow(
                () -> new AssertionError("runner " + owner + " of job in status " + job.getJob().status()));
    }

    static Net.Party challengerOf(JobContract job) {
        MsgAddress ch = job.getDispute().challenger();
        return verifiers.stream().filter(v -> MsgAddress.of(v.address()).equals(ch)).findFirst().orElseThrow();
    }

    static Bits seedHashOf(JobContract job) {
        return job.storage().state().orElseThrow().dispute().orElseThrow().seedHash();
    }

    /** Records a step's trace and checks the invariants that hold after every step. */
    void apply(World w, Trace trace, String what) {
        List<BigInteger> stakesBefore = new ArrayList<>();
        for (ChainTransaction tx : trace.transactions()) {
            assertThat(w.accounts).as("%s touched only known accounts", what).contains(tx.account().toRaw());
            w.fees = w.fees.add(tx.totalFees());
            tx.inMessage().filter(m -> m.kind() == ChainMessage.Kind.INTERNAL)
                    .ifPresent(m -> w.fees = w.fees.add(m.forwardFee()));
        }
        assertThat(w.balances().add(w.fees)).as("balances + fees after %s", what).isEqualTo(w.total);
        BigInteger escrows = w.escrows.stream().reduce(BigInteger.ZERO, BigInteger::add);
        for (Net.Party p : all()) {
            OperatorContract.GetOperatorResult o = p.operator().getOperator();
            assertThat(o.locked()).as("locks of %s within its stake after %s", p.name(), what)
                    .isLessThanOrEqualTo(o.stake());
            assertThat(o.earnings()).as("earnings of %s within all escrows", p.name()).isLessThanOrEqualTo(escrows);
        }
        boolean mayFall = what.equals("finalize") || what.equals("settle") || what.equals("equivocation")
                || what.equals("withdraw_stake");
        if (!mayFall) {
            for (ChainTransaction tx : trace.transactions()) {
                for (Net.Party p : all()) {
                    if (tx.account().toRaw().equals(p.operator().address().toRaw())) {
                        assertThat(tx.inMessage().flatMap(m -> m.opCode()).orElse(0L))
                                .as("%s: a stake may fall only on a verdict, expiry or proof", what)
                                .isNotIn(io.cocoon4j.wrappers.operator.OperatorMsg.Slash.TAG,
                                        io.cocoon4j.wrappers.operator.OperatorMsg.Fine.TAG);
                    }
                }
            }
        }
    }
}
