package io.cocoon4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.cli.RepoRoot;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.contracts.Contracts;
import io.cocoon4j.contracts.NodeScript;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.CounterContract;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon bench chain}: one workload on {@link LocalChain} in this JVM and on @ton/sandbox
 * under Node (chain/bench/sandbox-bench.mjs), like for like, then their ratios.
 *
 * <p>The workload: fund a wallet v4r2, deploy the counter through it, wallet → counter increments
 * (each: a signed external and two transactions), then {@code get_counter} calls; sends and calls
 * are measured after the same warm-up on both sides. Both sides use the same blockchain config for
 * transactions and get-methods ({@code --config}). The workload runs in two rounds on fresh chains,
 * LocalChain first in the first round and the sandbox first in the second; the figures add up both
 * rounds. Both sides must produce the same transactions (a SHA-256 over every transaction hash, in
 * order) and the same final counter in every round, or the run fails.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "LocalChain vs @ton/sandbox, like for like: cold start, warm transactions per second, get-method latency.")
public final class ChainBench implements java.util.concurrent.Callable<Integer> {

    /** Targets of issue 10: at least the sandbox's rate, at most twice its latency, a 3 s cold start. */
    static final double TX_RATIO_TARGET = 1.0;
    static final double GET_RATIO_TARGET = 2.0;
    static final long COLD_START_TARGET_MS = 3_000;
    private static final Duration NODE_TIMEOUT = Duration.ofMinutes(10);

    @Option(names = "--quick", description = "Fewer measured calls (same warm-up: the JIT needs it for the same verdict).")
    boolean quick;

    @Mixin
    ReportOptions output;

    @Option(names = "--config", defaultValue = "default",
            description = "Blockchain config on both sides, for transactions and get-methods: default (the sandbox's mainnet snapshot) or slim.")
    String config;

    @Option(names = "--warmup", description = "Warm-up sends, and as many warm-up get-method calls, per side and round (default 400).")
    Integer warmup;

    @Option(names = "--sends", description = "Measured wallet sends per side and round (default 300, quick 60).")
    Integer sends;

    @Option(names = "--gets", description = "Measured get-method calls per side and round (default 300, quick 60).")
    Integer gets;

    /** One side's figures for one round. */
    record Side(long coldStartMs, int transactions, double sendSeconds, double[] getMs, String counter,
                int allTransactions, String transactionsSha256) {}

    @Override
    public Integer call() throws Exception {
        if (!config.equals("default") && !config.equals("slim")) {
            throw new IllegalArgumentException("--config must be default or slim, not " + config);
        }
        // Chicory-compiled WASM reaches steady speed after a few hundred transactions; with less warm-up
        // the JIT is still compiling during the measurement and the verdict flips (quick once gave 0.2 vs 0.7).
        int warm = warmup != null ? warmup : 400;
        int nSends = sends != null ? sends : quick ? 60 : 300;
        int nGets = gets != null ? gets : quick ? 60 : 300;
        if (warm < 0 || nSends < 1 || nGets < 1) {
            throw new IllegalArgumentException("--warmup must be at least 0, --sends and --gets positive");
        }
        Path root = RepoRoot.find();
        if (!Files.isDirectory(root.resolve("contracts/node_modules/@ton/sandbox"))) {
            throw new IllegalStateException("@ton/sandbox is not installed: run 'npm ci' in " + root.resolve("contracts"));
        }
        String configBoc = config.equals("slim") ? TvmEmulator.slimConfig() : TvmEmulator.defaultConfig();

        List<Map<String, Object>> rounds = new ArrayList<>();
        List<Side> ours = new ArrayList<>();
        List<Side> theirs = new ArrayList<>();
        String sandboxEngine = null;
        for (int round = 0; round < 2; round++) {
            boolean localFirst = round == 0;
            Side local = null;
            JsonNode ref = null;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == localFirst) {
                    System.err.printf("bench chain: round %d, LocalChain...%n", round + 1);
                    local = runLocal(configBoc, warm, nSends, nGets);
                } else {
                    System.err.printf("bench chain: round %d, @ton/sandbox under Node...%n", round + 1);
                    ref = runSandbox(root, warm, nSends, nGets);
                }
            }
            Side sandbox = sandboxSide(ref);
            sandboxEngine = ref.get("engine").asText();
            crossCheck(round + 1, local, sandbox);
            ours.add(local);
            theirs.add(sandbox);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("first", localFirst ? "local_chain" : "sandbox");
            r.put("tx_per_s_ratio", round(txPerS(List.of(local)) / txPerS(List.of(sandbox))));
            r.put("get_method_latency_ratio", round(meanMs(List.of(local)) / meanMs(List.of(sandbox))));
            r.put("transactions_sha256", local.transactionsSha256());
            r.put("counter", local.counter());
            rounds.add(r);
        }

        double txRatio = txPerS(ours) / txPerS(theirs);
        double getRatio = meanMs(ours) / meanMs(theirs);
        long coldStart = ours.get(0).coldStartMs(); // round 1 runs LocalChain first: JVM start to first transaction
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "chain");
        report.put("mode", quick ? "quick" : "full");
        report.put("config", config);
        report.put("warmup_sends", warm);
        report.put("measured_sends", nSends);
        report.put("get_method_calls", nGets);
        report.put("rounds", rounds);
        Map<String, Object> local = sideReport("LocalChain (Java " + Runtime.version().feature()
                + ", emulator WASM on Chicory)", ours, coldStart);
        // The JIT options change LocalChain's speed (see the ./cocoon launcher's defaults): say which ran.
        local.put("jvm_options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        report.put("local_chain", local);
        report.put("sandbox", sideReport(sandboxEngine, theirs, theirs.get(0).coldStartMs()));
        report.put("tx_per_s_ratio", round(txRatio));
        report.put("get_method_latency_ratio", round(getRatio));
        report.put("tx_per_s_target", TX_RATIO_TARGET);
        report.put("get_method_latency_target", GET_RATIO_TARGET);
        report.put("cold_start_target_ms", COLD_START_TARGET_MS);
        report.put("tx_per_s_target_met", txRatio >= TX_RATIO_TARGET);
        report.put("get_method_latency_target_met", getRatio <= GET_RATIO_TARGET);
        report.put("cold_start_target_met", coldStart <= COLD_START_TARGET_MS);
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        output.print(report);
        return 0;
    }

    /** Both sides ran the same transactions and read the same counter, or the comparison means nothing. */
    private static void crossCheck(int round, Side local, Side sandbox) {
        if (local.allTransactions() != sandbox.allTransactions()
                || !local.transactionsSha256().equals(sandbox.transactionsSha256())) {
            throw new IllegalStateException("round " + round + ": the two chains ran different transactions: LocalChain "
                    + local.allTransactions() + " with SHA-256 " + local.transactionsSha256() + ", sandbox "
                    + sandbox.allTransactions() + " with SHA-256 " + sandbox.transactionsSha256());
        }
        if (!local.counter().equals(sandbox.counter())) {
            throw new IllegalStateException("round " + round + ": the two chains disagree on the counter: LocalChain "
                    + local.counter() + ", sandbox " + sandbox.counter());
        }
    }

    private static Map<String, Object> sideReport(String engine, List<Side> rounds, long coldStartMs) {
        double[] all = rounds.stream().flatMapToDouble(s -> Arrays.stream(s.getMs())).sorted().toArray();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("engine", engine);
        m.put("cold_start_ms", coldStartMs);
        m.put("transactions", rounds.stream().mapToInt(Side::transactions).sum());
        m.put("tx_per_s", round(txPerS(rounds)));
        m.put("get_method_mean_ms", round(meanMs(rounds)));
        m.put("get_method_p50_ms", round(all[all.length / 2]));
        return m;
    }

    private static double txPerS(List<Side> rounds) {
        return rounds.stream().mapToInt(Side::transactions).sum() / rounds.stream().mapToDouble(Side::sendSeconds).sum();
    }

    private static double meanMs(List<Side> rounds) {
        return rounds.stream().flatMapToDouble(s -> Arrays.stream(s.getMs())).average().orElseThrow();
    }

    private static Side runLocal(String configBoc, int warm, int nSends, int nGets) {
        List<ChainTransaction> all = new ArrayList<>();
        try (LocalChain chain = LocalChain.withConfig(configBoc)) {
            chain.setNow(1_750_000_000L);
            WalletV4 wallet = new WalletV4(chain, Ed25519Keys.fromName("bench"));
            all.addAll(chain.fund(wallet.address(), Transfer.ton("1000000"), wallet.stateInit()).transactions());
            long coldStartMs = ManagementFactory.getRuntimeMXBean().getUptime();

            CounterStorage data = new CounterStorage(MsgAddress.of(wallet.address()),
                    Bits.of(wallet.keys().publicKey().bytes()), 0, 1, BigInteger.ZERO);
            Address counter = CounterContract.addressOf(data);
            all.addAll(wallet.send(Transfer.deploy(CounterContract.stateInit(data), Transfer.ton("1"), null)).transactions());

            for (int i = 0; i < warm; i++) {
                all.addAll(wallet.send(Transfer.of(counter, Transfer.ton("0.05"), increment(i))).transactions());
            }
            int txs = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < nSends; i++) {
                Trace t = wallet.send(Transfer.of(counter, Transfer.ton("0.05"), increment(i)));
                txs += t.transactions().size();
                all.addAll(t.transactions());
            }
            long sendNs = System.nanoTime() - t0;

            for (int i = 0; i < warm; i++) { // as many warm-up calls as warm-up sends, on both sides
                chain.runGetMethod(counter, "get_counter", List.of());
            }
            double[] lat = new double[nGets];
            BigInteger last = BigInteger.ZERO;
            for (int i = 0; i < nGets; i++) {
                long g0 = System.nanoTime();
                last = chain.runGetMethod(counter, "get_counter", List.of()).get(0).asInt();
                lat[i] = (System.nanoTime() - g0) / 1e6;
            }
            return new Side(coldStartMs, txs, sendNs / 1e9, lat, last.toString(), all.size(), digest(all));
        }
    }

    /** SHA-256 over the transactions' hashes in order: equal on both sides only if every transaction is. */
    private static String digest(List<ChainTransaction> transactions) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (ChainTransaction t : transactions) {
                sha.update(t.hash().bytes());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode runSandbox(Path root, int warm, int nSends, int nGets) throws IOException {
        Path script = root.resolve("chain/bench/sandbox-bench.mjs");
        String code = Base64.getEncoder().encodeToString(Contracts.load("counter").codeBoc());
        NodeScript.Result r = NodeScript.of(script.toString(), code, Integer.toString(warm), Integer.toString(nSends),
                Integer.toString(nGets), config).inheritStderr().run(NODE_TIMEOUT);
        if (r.exitCode() != 0) {
            throw new IllegalStateException("the sandbox benchmark failed with exit code " + r.exitCode());
        }
        return new ObjectMapper().readTree(r.stdout());
    }

    private static Side sandboxSide(JsonNode ref) {
        double[] lat = new double[ref.get("get_method_ms").size()];
        for (int i = 0; i < lat.length; i++) {
            lat[i] = ref.get("get_method_ms").get(i).asDouble();
        }
        return new Side(ref.get("cold_start_ms").asLong(), ref.get("transactions").asInt(),
                ref.get("send_ns").asDouble() / 1e9, lat, ref.get("counter").asText(),
                ref.get("all_transactions").asInt(), ref.get("transactions_sha256").asText());
    }

    private static org.ton.ton4j.cell.Cell increment(int queryId) {
        return new CounterMsg.Increment(BigInteger.valueOf(queryId), 1).toCell();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
