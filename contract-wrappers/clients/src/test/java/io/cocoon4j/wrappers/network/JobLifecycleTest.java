package io.cocoon4j.wrappers.network;

import static io.cocoon4j.wrappers.network.Net.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.operator.OperatorContract;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The unchallenged paths of a job on LocalChain, driven through the generated clients. */
class JobLifecycleTest {
    static Net net;
    static Net.Party runner;

    @BeforeAll
    static void start() {
        net = new Net();
        runner = net.runner("runner-1");
    }

    @AfterAll
    static void stop() {
        net.close();
    }

    static Commitment commitment(JobContract job, int tokens, String result) {
        return new Commitment(MsgAddress.of(job.address()), Net.sha(result), tokens, Net.sha("chunks-" + result));
    }

    @Test
    void registeredRunnerHoldsItsStakeAndIdentity() {
        OperatorContract.GetOperatorResult op = runner.operator().getOperator();
        assertThat(op.role()).isEqualTo(Net.RUNNER);
        assertThat(op.status()).isZero();
        assertThat(op.stake()).isGreaterThanOrEqualTo(BigInteger.valueOf(net.params.stakes().minRunnerStake()));
        assertThat(op.locked()).isZero();
        assertThat(runner.operator().getIdentity().enclaveKey())
                .isEqualTo(new BigInteger(1, runner.enclave().publicKey().bytes()));
        assertThat(runner.operator().getConfigVersion()).isEqualTo(1);
    }

    @Test
    void acceptCommitFinalizePaysTheRunnerAndRefundsTheRest() {
        WalletV4 client = net.chain.fundedWallet("client-a");
        JobContract job = net.createJob(client, 1, 1_000, 10_000);
        JobContract.GetJobResult open = job.getJob();
        assertThat(open.status()).isZero();
        assertThat(open.escrow()).isEqualTo(BigInteger.valueOf(10_000_000));
        assertThat(open.configVersion()).isEqualTo(1);

        BigInteger stakeBefore = runner.operator().getOperator().stake();
        Trace accept = job.sendAccept(runner.wallet(), net.required(job, Net.ACCEPT)).trace();
        Net.allOk(accept, "");
        assertThat(job.getJob().status()).isEqualTo(2);
        BigInteger lock = BigInteger.valueOf(net.params.stakes().lockFor(10_000_000));
        assertThat(job.getRunner().lock()).isEqualTo(lock);
        assertThat(runner.operator().getLock(MsgAddress.of(job.address()))).isEqualTo(lock);
        assertThat(runner.operator().getOperator().locked()).isEqualTo(lock);

        SignedCommitment signed = SignedCommitment.sign(runner.enclave(), commitment(job, 700, "answer"));
        Trace commit = job.sendCommit(runner.wallet(), net.required(job, Net.COMMIT), signed.signature(),
                signed.commitment()).trace();
        ok(commit, job.address());
        assertThat(job.getJob().status()).isEqualTo(3);
        assertThat(job.getCommitment().tokenCount()).isEqualTo(700);

        // before the challenge window closes, finalize is refused with too_early
        Trace early = job.sendFinalize(runner.wallet(), net.required(job, Net.FINALIZE)).trace();
        assertThat(Net.exit(early, job.address())).isEqualTo(1021);
        assertThat(job.getJob().status()).isEqualTo(3);

        net.chain.advanceTime(net.params.deadlines().challengeWindow() + 1);
        BigInteger clientBefore = net.chain.account(client.address()).balance();
        Trace fin = job.sendFinalize(runner.wallet(), net.required(job, Net.FINALIZE)).trace();
        Net.allOk(fin, "");
        assertThat(job.getJob().status()).isEqualTo(9);
        long pay = 700L * 10_000;
        long fees = pay * (net.params.fees().protocolFeeBps() + net.params.fees().auditFeeBps()) / 10_000;
        assertThat(runner.operator().getOperator().earnings()).isEqualTo(BigInteger.valueOf(pay - fees));
        assertThat(runner.operator().getOperator().locked()).isZero();
        assertThat(runner.operator().getOperator().stake()).isEqualTo(stakeBefore);
        // the client gets at least the unused escrow back
        assertThat(net.chain.account(client.address()).balance().subtract(clientBefore))
                .isGreaterThanOrEqualTo(BigInteger.valueOf(10_000_000 - pay));
        assertThat(job.balance()).isZero();
    }
}
