package io.cocoon4j.wrappers.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.job.JobMsg;
import io.cocoon4j.wrappers.job.SeedCommitment;
import io.cocoon4j.wrappers.job.VoteCommitment;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.root.JobSpec;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.wrappers.root.Sampling;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import org.ton.ton4j.address.Address;

/** A network on a fresh LocalChain: root deployed from NetworkParams, one model, one measurement. */
final class Net implements AutoCloseable {
    static final long START = 1_800_000_000L;
    static final Bits MEASUREMENT = sha("measurement");
    static final Bits MODEL = sha("model.gguf");
    static final BigInteger PRICE_CAP = BigInteger.valueOf(1_000_000);
    static final int RUNNER = 1;
    static final int VERIFIER = 2;

    final LocalChain chain;
    final NetworkParams params;
    final WalletV4 owner;
    final RootContract root;

    /** One operator: the wallet that owns it, its enclave key and its stake account. */
    record Party(String name, WalletV4 wallet, Ed25519Keys enclave, OperatorContract operator) {
        Address address() {
            return wallet.address();
        }

        BigInteger id() {
            return new BigInteger(1, wallet.address().hashPart);
        }
    }

    Net(NetworkParams params) {
        chain = LocalChain.create();
        chain.setNow(START);
        this.params = params;
        owner = chain.fundedWallet("owner");
        root = NetworkDeployment.deployRoot(chain, owner, params, Transfer.ton("1"));
        ok(root.sendAllowMeasurement(owner, Transfer.ton("0.05"), MEASUREMENT, true).trace(), root.address());
        ok(root.sendSetModel(owner, Transfer.ton("0.05"), MODEL, PRICE_CAP).trace(), root.address());
    }

    Net() {
        this(NetworkParams.DEFAULTS);
    }

    @Override
    public void close() {
        chain.close();
    }

    Party register(String name, int role, BigInteger extraStake) {
        WalletV4 wallet = chain.fundedWallet(name);
        Ed25519Keys enclave = Ed25519Keys.fromName(name + "-enclave");
        BigInteger value = root.getRegisterValue(role).add(extraStake);
        Map<BigInteger, BigInteger> models = role == RUNNER
                ? Map.of(new BigInteger(1, MODEL.toByteArray()), BigInteger.valueOf(1_000))
                : Map.of();
        Trace t = root.sendRegisterOperator(wallet, value, role, Bits.of(enclave.publicKey().bytes()), MEASUREMENT,
                sha(name + "-quote"), models).trace();
        allOk(t, "registration of " + name);
        return new Party(name, wallet, enclave, operatorOf(wallet.address()));
    }

    Party runner(String name) {
        return register(name, RUNNER, BigInteger.ZERO);
    }

    Party verifier(String name) {
        return register(name, VERIFIER, BigInteger.ZERO);
    }

    OperatorContract operatorOf(Address owner) {
        return new OperatorContract(chain, root.getOperatorAddress(MsgAddress.of(owner)).toAddress().orElseThrow());
    }

    static JobSpec spec(long maxTokens, long price) {
        return new JobSpec(MODEL, sha("prompt"), maxTokens, BigInteger.valueOf(price),
                new Sampling(sha("greedy"), BigInteger.valueOf(42), 4096, sha("llama.cpp-cpu")));
    }

    JobContract jobAt(Address client, long nonce) {
        return new JobContract(chain, root.getJobAddress(MsgAddress.of(client), BigInteger.valueOf(nonce))
                .toAddress().orElseThrow());
    }

    /** Creates a job paying exactly the least value root accepts. */
    JobContract createJob(WalletV4 client, long nonce, long maxTokens, long price) {
        BigInteger value = root.getCreateJobValue(maxTokens, BigInteger.valueOf(price));
        Trace t = root.sendCreateJob(client, value, BigInteger.valueOf(nonce), spec(maxTokens, price)).trace();
        allOk(t, "create_job");
        return jobAt(client.address(), nonce);
    }

    BigInteger required(JobContract job, long op) {
        return job.getRequiredValue(op);
    }

    static final long ACCEPT = JobMsg.Accept.TAG;
    static final long COMMIT = JobMsg.Commit.TAG;
    static final long CHALLENGE = JobMsg.Challenge.TAG;
    static final long FINALIZE = JobMsg.Finalize.TAG;
    static final long EQUIVOCATION = JobMsg.ProveEquivocation.TAG;
    static final long STEP = JobMsg.VoteCommit.TAG;

    static Bits seedHash(Address job, BigInteger share) {
        return Bits.of(new SeedCommitment(MsgAddress.of(job), share).toCell().getHash());
    }

    static Bits voteHash(Address job, Address juror, boolean guilty, Bits salt) {
        return Bits.of(new VoteCommitment(MsgAddress.of(job), MsgAddress.of(juror), guilty, salt).toCell().getHash());
    }

    /** One line per transaction: account, op, exit code, gas, action result. */
    static String describe(Trace trace) {
        StringBuilder sb = new StringBuilder();
        for (ChainTransaction tx : trace.transactions()) {
            String op = tx.inMessage().flatMap(m -> m.opCode()).map(o -> Long.toHexString(o)).orElse("-");
            sb.append("\n  ").append(tx.account().toRaw(), 0, 10).append(" op=").append(op)
                    .append(" in=").append(tx.inMessage().map(m -> m.value()).orElse(BigInteger.ZERO))
                    .append(tx.inMessage().map(m -> m.bounced() ? " BOUNCED" : "").orElse(""))
                    .append(" exit=").append(tx.exitCode().map(String::valueOf).orElse("skipped"))
                    .append(" gas=").append(tx.gasUsed())
                    .append(" action=").append(tx.action().map(a -> a.success() + "/" + a.resultCode()).orElse("-"))
                    .append(" out=").append(tx.outMessages().size());
        }
        return sb.toString();
    }

    /** Every transaction of {@code trace} succeeded. */
    static Trace allOk(Trace trace, String what) {
        assertThat(trace.allSucceeded()).as("%s:%s", what, describe(trace)).isTrue();
        return trace;
    }

    /** The transaction of {@code account} in {@code trace}, asserted successful. */
    static ChainTransaction ok(Trace trace, Address account) {
        ChainTransaction tx = trace.first(account).orElseThrow(() -> new AssertionError("no transaction on " + account
                + " in " + trace));
        assertThat(tx.exitCode()).as("exit code on %s", account).contains(0);
        assertThat(tx.action().map(a -> a.success()).orElse(true)).as("action phase on %s", account).isTrue();
        return tx;
    }

    /**
     * Sends, and asserts that the transaction on {@code at} failed with {@code code} and that
     * {@code state} reads the same before and after.
     */
    static <S> void rejects(java.util.function.Supplier<S> state, java.util.function.Supplier<Trace> send, Address at,
            int code) {
        S before = state.get();
        Trace t = send.get();
        assertThat(exit(t, at)).as("exit code:%s", describe(t)).isEqualTo(code);
        assertThat(state.get()).as("state after a rejected message").isEqualTo(before);
    }

    /** The exit code of {@code account}'s first transaction in {@code trace}. */
    static int exit(Trace trace, Address account) {
        return trace.first(account).orElseThrow(() -> new AssertionError("no transaction on " + account))
                .exitCode().orElseThrow();
    }

    /** A job created by {@code client}, accepted by {@code runner}, with a signed commitment of {@code tokens}. */
    JobContract committedJob(WalletV4 client, long nonce, Party runner, int tokens) {
        JobContract job = createJob(client, nonce, 1_000, 10_000);
        Trace accept = job.sendAccept(runner.wallet(), required(job, ACCEPT)).trace();
        allOk(accept, "accept");
        SignedCommitment signed = SignedCommitment.sign(runner.enclave(), commitment(job, tokens, "answer"));
        ok(job.sendCommit(runner.wallet(), required(job, COMMIT), signed.signature(), signed.commitment()).trace(),
                job.address());
        return job;
    }

    static io.cocoon4j.wrappers.job.Commitment commitment(JobContract job, int tokens, String result) {
        return new io.cocoon4j.wrappers.job.Commitment(MsgAddress.of(job.address()), sha(result), tokens,
                sha("chunks-" + result));
    }

    BigInteger balance(Address a) {
        return chain.account(a).balance();
    }

    static Bits sha(String s) {
        try {
            return Bits.of(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
