package io.cocoon4j.wrappers.network;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.root.JobSpec;
import io.cocoon4j.wrappers.root.RootMsg;
import java.math.BigInteger;
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
}
