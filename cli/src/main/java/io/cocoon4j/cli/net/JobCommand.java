package io.cocoon4j.cli.net;

import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.protocol.EngineId;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.root.JobSpec;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.wrappers.root.RootMsg;
import io.cocoon4j.wrappers.root.Sampling;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code cocoon job}: jobs on the network's contracts; today {@code submit}. */
@Command(name = "job", mixinStandardHelpOptions = true,
        description = "Create and pay inference jobs on a network's contracts.",
        subcommands = JobCommand.Submit.class)
public final class JobCommand {
    static final String[] STATUS = {"open", "accepting", "accepted", "committed", "challenging", "seeding",
        "revealing", "drawing", "voting", "finalized", "cancelled", "expired", "equivocated", "runner_lost"};

    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = {"Create a job through the network's root and pay its escrow (max tokens x price); print the"
                    + " job contract's address and state read back from it. Only the prompt's SHA-256 goes on chain.",
                "",
                "Before: `cocoon deploy` ran on this network and the model is allowed by its root.",
                "Example: cocoon job submit --network local --wallet client1 --prompt 'Hello' --max-tokens 32"})
    static final class Submit implements Callable<Integer> {
        @Option(names = "--wallet", required = true, paramLabel = "NAME", description = "The wallet that pays the escrow.")
        String wallet;

        @Option(names = "--prompt", required = true, description = "The prompt (kept off chain; its SHA-256 is committed).")
        String prompt;

        @Option(names = "--model", paramLabel = "SHA256",
                description = "SHA-256 of the model (default on local: the tiny generated model).")
        String model;

        @Option(names = "--max-tokens", defaultValue = "32", description = "Most tokens paid for (default ${DEFAULT-VALUE}).")
        long maxTokens;

        @Option(names = "--price", defaultValue = "1000", paramLabel = "NANOTON",
                description = "Price per token offered, at most the root's cap for the model (default ${DEFAULT-VALUE}).")
        long price;

        @Option(names = "--nonce", paramLabel = "N",
                description = "Distinguishes your jobs (the job's address derives from wallet and nonce); default: now in ms.")
        Long nonce;

        @Option(names = "--engine", defaultValue = "llama.cpp", description = "Engine id the runner must use (default ${DEFAULT-VALUE}).")
        String engine;

        @Option(names = "--seed", defaultValue = "42", description = "Sampling seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--context", defaultValue = "4096", description = "Context length (default ${DEFAULT-VALUE}).")
        long context;

        @Mixin
        NetworkOptions net;

        @Mixin
        SecretOptions secret;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            if (model == null && !net.isLocal()) {
                throw new IllegalArgumentException("which model? add --model SHA256");
            }
            Bits modelHash = LocalDev.hash32("--model", model != null ? model : LocalDev.tinyModelSha256());
            NetworkFile nf = NetworkFile.read(net.name());
            ToncenterChain chain = net.connect();
            Wallet client = DeployCommand.open(wallet, net, secret, chain);
            RootContract root = new RootContract(chain, Address.of(nf.rootAddress()));
            if (root.getModelCap(OperatorJoin.uint256(modelHash)).signum() == 0) {
                throw new IllegalStateException("the root does not allow model " + java.util.HexFormat.of().formatHex(modelHash.toByteArray()) + "; nothing was sent");
            }
            BigInteger n = BigInteger.valueOf(nonce != null ? nonce : System.currentTimeMillis());
            JobSpec spec = new JobSpec(modelHash, sha256(prompt), maxTokens, BigInteger.valueOf(price),
                    new Sampling(sha256("greedy"), BigInteger.valueOf(seed), context,
                            Bits.of(new EngineId(engine).hash().bytes())));
            BigInteger value = root.getCreateJobValue(maxTokens, BigInteger.valueOf(price));
            BigInteger have = chain.account(client.address()).balance();
            if (have.compareTo(value) <= 0) {
                throw new IllegalStateException("wallet " + wallet + " has " + WalletCommand.ton(have) + " TON; the job"
                        + " needs " + WalletCommand.ton(value) + " TON: fund it first");
            }
            BigInteger fees = DeployCommand.preflight(net, chain, client, DeployCommand.toRoot(root, value,
                    new RootMsg.CreateJob(BigInteger.ZERO, n, spec)), "create_job");
            DeployCommand.requireSuccess(root.sendCreateJob(client, value, n, spec).trace(), "create_job");
            JobContract job = new JobContract(chain,
                    root.getJobAddress(MsgAddress.of(client.address()), n).toAddress().orElseThrow());
            JobContract.GetJobResult s = job.getJob();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", net.name());
            r.put("job_address", net.friendly(job.address(), true));
            r.put("job_address_raw", job.address().toRaw());
            r.put("nonce", n.toString());
            r.put("state", s.status() < STATUS.length ? STATUS[(int) s.status()] : String.valueOf(s.status()));
            r.put("escrow_nanoton", s.escrow().toString());
            r.put("paid_nanoton", value.toString());
            r.put("config_version", s.configVersion());
            if (!net.isLocal()) {
                r.put("preflight_fees_ton", WalletCommand.ton(fees));
            }
            output.print(r);
            return s.status() == 0 ? 0 : 1;
        }

        private static Bits sha256(String s) {
            try {
                return Bits.of(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java runtime has SHA-256", e);
            }
        }
    }
}
