package io.cocoon4j.wrappers.network;

import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.Commitment;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.job.JobMsg;
import io.cocoon4j.wrappers.job.SeedCommitment;
import io.cocoon4j.wrappers.job.VoteCommitment;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.operator.OperatorMsg;
import io.cocoon4j.wrappers.root.JobSpec;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.wrappers.root.RootMsg;
import io.cocoon4j.wrappers.root.Sampling;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ton.ton4j.address.Address;

/**
 * The three fee scenarios of {@code cocoon bench fees}, each on a fresh {@link LocalChain}: an
 * unchallenged job, a challenge the runner wins, a challenge the runner loses. After the setup
 * (root, allow-lists, registrations, funded wallets), the fees of a scenario are the fall of the
 * sum of the balances of every account involved: what all parties together paid the chain,
 * exactly. Every transaction's gas is recorded per contract and operation.
 */
public final class FeeScenarios {
    /** What a job pays per token in the scenarios, and how many tokens it asks and gets. */
    static final long PRICE = 10_000;
    static final long MAX_TOKENS = 1_000;
    static final int TOKENS = 700;

    private final NetworkParams params;

    public FeeScenarios(NetworkParams params) {
        this.params = params;
    }

    /**
     * Fees of the three scenarios in nanoton, and the most gas each (contract, operation) used.
     *
     * @param unchallenged create, accept, commit, finalize
     * @param runnerWins the same with a challenge, seeds, jury draw, votes upholding the result
     * @param runnerLoses the same with votes finding the chunk wrong
     * @param gas "contract.operation" -> most gas seen in any scenario
     */
    public record Report(BigInteger unchallenged, BigInteger runnerWins, BigInteger runnerLoses, Map<String, Long> gas) {
        public static BigDecimal ton(BigInteger nanoton) {
            return new BigDecimal(nanoton).movePointLeft(9);
        }
    }

    public Report run() {
        Map<String, Long> gas = new TreeMap<>();
        BigInteger a = scenario(0, gas);
        BigInteger b = scenario(1, gas);
        BigInteger c = scenario(2, gas);
        return new Report(a, b, c, gas);
    }

    /** kind 0 unchallenged, 1 runner wins, 2 runner loses. */
    private BigInteger scenario(int kind, Map<String, Long> gas) {
        try (LocalChain chain = LocalChain.create()) {
            chain.setNow(1_800_000_000L);
            WalletV4 owner = chain.fundedWallet("owner");
            RootContract root = NetworkDeployment.deployRoot(chain, owner, params, Transfer.ton("1"));
            Bits measurement = sha("measurement");
            Bits model = sha("model.gguf");
            expectOk(root.sendAllowMeasurement(owner, Transfer.ton("0.05"), measurement, true).trace(), "allow");
            expectOk(root.sendSetModel(owner, Transfer.ton("0.05"), model, BigInteger.valueOf(1_000_000)).trace(), "model");
            List<Address> accounts = new ArrayList<>(List.of(owner.address(), root.address()));
            Names names = new Names(root.address());

            WalletV4 runnerWallet = chain.fundedWallet("runner");
            Ed25519Keys enclave = Ed25519Keys.fromName("runner-enclave");
            register(root, runnerWallet, 1, enclave, measurement, Map.of(new BigInteger(1, model.toByteArray()),
                    BigInteger.valueOf(PRICE)));
            List<WalletV4> verifiers = new ArrayList<>();
            int jurors = kind == 0 ? 0 : params.jury().size() + 1;
            for (int i = 0; i < jurors; i++) {
                WalletV4 v = chain.fundedWallet("verifier-" + i);
                register(root, v, 2, Ed25519Keys.fromName("verifier-enclave-" + i), measurement, Map.of());
                verifiers.add(v);
            }
            WalletV4 client = chain.fundedWallet("client");
            List<WalletV4> wallets = new ArrayList<>(List.of(runnerWallet, client));
            wallets.addAll(verifiers);
            for (WalletV4 w : wallets) {
                accounts.add(w.address());
                Address op = root.getOperatorAddress(MsgAddress.of(w.address())).toAddress().orElseThrow();
                accounts.add(op);
                names.operators.add(op);
            }
            Address jobAddress = root.getJobAddress(MsgAddress.of(client.address()), BigInteger.ONE).toAddress().orElseThrow();
            accounts.add(jobAddress);
            names.job = jobAddress;
            BigInteger before = total(chain, accounts);

            JobSpec spec = new JobSpec(model, sha("prompt"), MAX_TOKENS, BigInteger.valueOf(PRICE),
                    new Sampling(sha("greedy"), BigInteger.valueOf(42), 4096, sha("llama.cpp-cpu")));
            record(gas, names, expectOk(root.sendCreateJob(client, root.getCreateJobValue(MAX_TOKENS,
                    BigInteger.valueOf(PRICE)), BigInteger.ONE, spec).trace(), "create_job"));
            JobContract job = new JobContract(chain, jobAddress);
            record(gas, names, expectOk(job.sendAccept(runnerWallet, job.getRequiredValue(JobMsg.Accept.TAG)).trace(),
                    "accept"));
            Commitment commitment = new Commitment(MsgAddress.of(jobAddress), sha("result"), TOKENS, sha("chunks"));
            SignedCommitment signed = SignedCommitment.sign(enclave, commitment);
            record(gas, names, expectOk(job.sendCommit(runnerWallet, job.getRequiredValue(JobMsg.Commit.TAG),
                    signed.signature(), commitment).trace(), "commit"));
            if (kind > 0) {
                dispute(chain, job, runnerWallet, verifiers, kind == 2, gas, names);
            } else {
                chain.advanceTime(params.deadlines().challengeWindow() + 1);
            }
            record(gas, names, expectOk(job.sendFinalize(runnerWallet, job.getRequiredValue(JobMsg.Finalize.TAG))
                    .trace(), "finalize"));
            long expected = kind == 2 ? 13 : 9;
            if (job.getJob().status() != expected) {
                throw new IllegalStateException("scenario " + kind + " ended in job status " + job.getJob().status());
            }
            return before.subtract(total(chain, accounts));
        }
    }

    private void dispute(LocalChain chain, JobContract job, WalletV4 runner, List<WalletV4> verifiers, boolean guilty,
            Map<String, Long> gas, Names names) {
        WalletV4 challenger = verifiers.get(0);
        BigInteger share = BigInteger.valueOf(77);
        BigInteger step = job.getRequiredValue(JobMsg.VoteCommit.TAG);
        record(gas, names, expectOk(job.sendChallenge(challenger, job.getRequiredValue(JobMsg.Challenge.TAG), 2,
                Bits.of(new SeedCommitment(MsgAddress.of(job.address()), share).toCell().getHash())).trace(), "challenge"));
        record(gas, names, expectOk(job.sendRunnerSeed(runner, step, BigInteger.valueOf(99)).trace(), "runner_seed"));
        record(gas, names, expectOk(job.sendRevealSeed(challenger, step, share).trace(), "reveal_seed"));
        List<WalletV4> jury = new ArrayList<>();
        for (WalletV4 v : verifiers) {
            if (job.getJuror(new BigInteger(1, v.address().hashPart)).drawn()) {
                jury.add(v);
            }
        }
        for (WalletV4 j : jury) {
            Bits hash = Bits.of(new VoteCommitment(MsgAddress.of(job.address()), MsgAddress.of(j.address()), guilty,
                    sha("salt")).toCell().getHash());
            record(gas, names, expectOk(job.sendVoteCommit(j, step, hash).trace(), "vote_commit"));
        }
        chain.advanceTime(params.deadlines().voteCommitWindow() + 1);
        for (WalletV4 j : jury) {
            record(gas, names, expectOk(job.sendVoteReveal(j, step, guilty, sha("salt")).trace(), "vote_reveal"));
        }
        chain.advanceTime(params.deadlines().voteRevealWindow() + 1);
    }

    private static void register(RootContract root, WalletV4 wallet, int role, Ed25519Keys enclave, Bits measurement,
            Map<BigInteger, BigInteger> models) {
        expectOk(root.sendRegisterOperator(wallet, root.getRegisterValue(role).add(Transfer.ton("10")), role,
                Bits.of(enclave.publicKey().bytes()), measurement, sha("quote"), models).trace(), "register");
    }

    private static BigInteger total(LocalChain chain, List<Address> accounts) {
        BigInteger sum = BigInteger.ZERO;
        for (Address a : accounts) {
            sum = sum.add(chain.account(a).balance());
        }
        return sum;
    }

    private static Trace expectOk(Trace trace, String what) {
        for (ChainTransaction tx : trace.transactions()) {
            if (!tx.succeeded()) {
                throw new IllegalStateException(what + " failed on " + tx.account() + ": exit " + tx.exitCode());
            }
        }
        return trace;
    }

    /** Which contract an address is, and the name of each op code, for the gas table. */
    private static final class Names {
        final Address root;
        final List<Address> operators = new ArrayList<>();
        Address job;
        final Map<Long, String> ops = new HashMap<>();

        Names(Address root) {
            this.root = root;
            for (Class<?> type : List.of(RootMsg.class, OperatorMsg.class, JobMsg.class)) {
                for (Class<?> c : type.getPermittedSubclasses()) {
                    try {
                        ops.put(c.getField("TAG").getLong(null), snake(c.getSimpleName()));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }

        String of(ChainTransaction tx) {
            String a = tx.account().toRaw();
            String contract = a.equals(root.toRaw()) ? "root" : a.equals(job.toRaw()) ? "job"
                    : operators.stream().anyMatch(o -> o.toRaw().equals(a)) ? "operator" : null;
            if (contract == null) {
                return null;
            }
            boolean bounced = tx.inMessage().map(m -> m.bounced()).orElse(false);
            String op = tx.inMessage().flatMap(m -> m.opCode()).map(ops::get).orElse("receive");
            return contract + "." + op + (bounced ? ".bounced" : "");
        }

        private static String snake(String camel) {
            return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static void record(Map<String, Long> gas, Names names, Trace trace) {
        for (ChainTransaction tx : trace.transactions()) {
            String key = names.of(tx);
            if (key != null) {
                gas.merge(key, tx.gasUsed().longValueExact(), Math::max);
            }
        }
    }

    private static Bits sha(String s) {
        try {
            return Bits.of(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
