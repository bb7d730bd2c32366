package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.wrappers.job.JobContract;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Named attacks not covered beside the operation they target (see contracts/README.md). */
class AttackTest {

    @Test
    void attackSpamOfTinyJobsPaysItsOwnFeesAndLeavesNothingBehind() {
        try (Net net = new Net()) {
            WalletV4 spammer = net.chain.fundedWallet("spammer");
            BigInteger rootBefore = net.root.balance();
            BigInteger least = net.root.getCreateJobValue(1, BigInteger.ONE);
            for (int i = 0; i < 5; i++) {
                // below the least value: refused by root, nothing deployed
                long nonce = i;
                Net.rejects(net.root::storage, () -> net.root.sendCreateJob(spammer, least.subtract(BigInteger.ONE),
                        BigInteger.valueOf(nonce), Net.spec(1, 1)).trace(), net.root.address(), 1015);
                assertThat(net.chain.account(net.jobAt(spammer.address(), nonce).address()).isActive()).isFalse();
            }
            for (int i = 10; i < 15; i++) {
                JobContract job = net.createJob(spammer, i, 1, 1);
                net.chain.advanceTime(net.params.deadlines().acceptWindow() + 1);
                Net.allOk(job.sendFinalize(spammer, net.required(job, Net.FINALIZE)).trace(), "cancel");
                assertThat(job.balance()).isZero();
            }
            // root never paid for the spam: its balance did not fall
            assertThat(net.root.balance()).isGreaterThanOrEqualTo(rootBefore.subtract(ton("0.001")));
        }
    }

    @Test
    void attackFillingTheRegistryDoesNotMakeTheDrawRunOutOfGas() {
        try (Net net = new Net()) {
            Net.Party runner = net.register("fill-runner", Net.RUNNER, ton("10"));
            for (int i = 0; i < 40; i++) {
                net.verifier("filler-" + i);
            }
            assertThat(net.root.getVerifierCount()).isEqualTo(40);
            WalletV4 client = net.chain.fundedWallet("fill-client");
            JobContract job = net.committedJob(client, 1, runner, 10);
            Net.Party challenger = net.verifier("fill-challenger");
            BigInteger share = BigInteger.TWO;
            Net.allOk(job.sendChallenge(challenger.wallet(), net.required(job, Net.CHALLENGE), 0,
                    Net.seedHash(job.address(), share)).trace(), "challenge");
            Net.allOk(job.sendRunnerSeed(runner.wallet(), net.required(job, Net.STEP), BigInteger.TEN).trace(), "seed");
            Trace reveal = job.sendRevealSeed(challenger.wallet(), net.required(job, Net.STEP), share).trace();
            Net.allOk(reveal, "reveal and draw");
            ChainTransaction draw = reveal.first(net.root.address()).orElseThrow();
            assertThat(job.getDispute().jurors()).isEqualTo(net.params.jury().size());
            // the draw is O(size * log n): far below the gas its message prepays
            assertThat(draw.gasUsed().longValueExact()).isLessThan(GasBudget.of("root_draw_jury") + GasBudget.of("per_juror") * net.params.jury().size());
        }
    }

    @Test
    void attackBouncedLockRequestReturnsTheJobToOpenAndTheChangeToTheAsker() {
        try (Net net = new Net()) {
            WalletV4 client = net.chain.fundedWallet("bounce-client");
            WalletV4 notAnOperator = net.chain.fundedWallet("not-registered");
            JobContract job = net.createJob(client, 1, 100, 1_000);
            var before = job.storage();
            BigInteger wallet = net.balance(notAnOperator.address());
            BigInteger value = net.required(job, Net.ACCEPT);
            Trace t = job.sendAccept(notAnOperator, value).trace();
            // the lock request went to an operator address with no account and came back
            List<ChainTransaction> onJob = t.on(job.address());
            assertThat(onJob).hasSize(2);
            assertThat(onJob.get(1).inMessage().orElseThrow().bounced()).isTrue();
            assertThat(job.storage()).isEqualTo(before);
            assertThat(job.getJob().status()).isZero();
            // the asker paid fees only
            assertThat(wallet.subtract(net.balance(notAnOperator.address()))).isLessThan(value);
        }
    }
}
