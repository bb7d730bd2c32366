package io.cocoon4j.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.cli.RepoRoot;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.contracts.Contracts;
import java.lang.management.ManagementFactory;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon bench chain}: one workload on {@link LocalChain} in this JVM and on @ton/sandbox
 * under Node (chain/bench/sandbox-bench.mjs), then their ratios. The workload: fund a wallet v4r2,
 * deploy the counter through it, wallet → counter increments (each: a signed external and two
 * transactions), then {@code get_counter} calls; sends and calls are measured after the same
 * number of warm-up rounds on both sides. Both sides must end with the same counter value,
 * or the run fails. Each side runs with its defaults: the sandbox parses its default config for
 * every get-method, LocalChain gives get-methods the slim config (see {@link LocalChain#create()});
 * {@code --config slim} runs both sides on the slim config throughout.
 */
@Command(name = "chain", mixinStandardHelpOptions = true,
        description = "LocalChain vs @ton/sandbox: cold start, warm transactions per second, get-method latency.")
public final class ChainBench implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--quick", description = "Fewer iterations (a smoke run, noisier figures).")
    boolean quick;

    @Mixin
    ReportOptions output;

    @Option(names = "--config", defaultValue = "default",
            description = "Blockchain config on both sides: default (the sandbox's mainnet snapshot) or slim.")
    String config;

    @Option(names = "--sends", description = "Measured wallet sends (default 300, quick 40).")
    Integer sends;

    @Option(names = "--gets", description = "Measured get-method calls (default 300, quick 40).")
    Integer gets;

    @Override
    public Integer call() throws Exception {
        if (!config.equals("default") && !config.equals("slim")) {
            throw new IllegalArgumentException("--config must be default or slim, not " + config);
        }
        // Chicory-compiled WASM reaches steady speed after a few hundred transactions; Node warms faster.
        int warm = quick ? 40 : 400;
        int nSends = sends != null ? sends : quick ? 40 : 300;
        int nGets = gets != null ? gets : quick ? 40 : 300;
        if (nSends < 1 || nGets < 1) {
            throw new IllegalArgumentException("--sends and --gets must be positive");
        }
        Path root = RepoRoot.find();
        Map<String, Object> ours = runLocal(warm, nSends, nGets);
        System.err.println("bench chain: LocalChain done, running @ton/sandbox under Node...");
        JsonNode ref = runSandbox(root, warm, nSends, nGets);

        if (!ref.get("counter").asText().equals(ours.get("counter"))) {
            throw new IllegalStateException("the two chains disagree on the counter: LocalChain "
                    + ours.get("counter") + ", sandbox " + ref.get("counter").asText());
        }
        double txRatio = (double) ours.get("tx_per_s") / ref.get("tx_per_s").asDouble();
        double getRatio = (double) ours.get("get_method_mean_ms") / ref.get("get_method_mean_ms").asDouble();
        Map<String, Object> sandbox = new LinkedHashMap<>();
        sandbox.put("engine", ref.get("engine").asText());
        sandbox.put("transaction_config", config);
        sandbox.put("get_method_config", config);
        sandbox.put("cold_start_ms", ref.get("cold_start_ms").asLong());
        sandbox.put("transactions", ref.get("transactions").asInt());
        sandbox.put("tx_per_s", round(ref.get("tx_per_s").asDouble()));
        sandbox.put("get_method_mean_ms", round(ref.get("get_method_mean_ms").asDouble()));
        sandbox.put("get_method_p50_ms", round(ref.get("get_method_p50_ms").asDouble()));

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("benchmark", "chain");
        report.put("mode", quick ? "quick" : "full");
        report.put("config", config);
        report.put("warmup_sends", warm);
        report.put("measured_sends", nSends);
        report.put("get_method_calls", nGets);
        ours.put("tx_per_s", round((double) ours.get("tx_per_s")));
        ours.put("get_method_mean_ms", round((double) ours.get("get_method_mean_ms")));
        ours.put("get_method_p50_ms", round((double) ours.get("get_method_p50_ms")));
        report.put("local_chain", ours);
        report.put("sandbox", sandbox);
        report.put("tx_per_s_ratio", round(txRatio));
        report.put("get_method_latency_ratio", round(getRatio));
        report.put("tx_per_s_target_met", txRatio >= 0.5);
        report.put("get_method_latency_target_met", getRatio <= 2.0);
        report.put("cold_start_target_met", (long) ours.get("cold_start_ms") <= 10_000);
        report.put("cpus", Runtime.getRuntime().availableProcessors());
        output.print(report);
        return 0;
    }

    private Map<String, Object> runLocal(int warm, int nSends, int nGets) {
        Cell counterCode = Cell.fromBoc(Contracts.load("counter").codeBoc());
        try (LocalChain chain = config.equals("slim") ? LocalChain.withConfig(TvmEmulator.slimConfig())
                : LocalChain.create()) {
            chain.setNow(1_750_000_000L);
            WalletV4 wallet = new WalletV4(chain, Ed25519Keys.fromName("bench"));
            chain.fund(wallet.address(), Transfer.ton("1000000"), wallet.stateInit());
            long coldStartMs = ManagementFactory.getRuntimeMXBean().getUptime();

            Cell data = CellBuilder.beginCell().storeAddress(wallet.address()).storeBytes(wallet.keys().publicKey().bytes())
                    .storeUint(0, 32).storeUint(1, 32).storeUint(0, 64).endCell();
            StateInit init = Messages.stateInit(counterCode, data);
            Address counter = Messages.addressOf(init, 0);
            wallet.send(Transfer.deploy(init, Transfer.ton("1"), null));

            for (int i = 0; i < warm; i++) {
                wallet.send(Transfer.of(counter, Transfer.ton("0.05"), increment(i)));
            }
            int txs = 0;
            long t0 = System.nanoTime();
            for (int i = 0; i < nSends; i++) {
                txs += wallet.send(Transfer.of(counter, Transfer.ton("0.05"), increment(i))).transactions().size();
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
            Arrays.sort(lat);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("engine", "LocalChain (Java " + Runtime.version().feature() + ", emulator WASM on Chicory)");
            // The JIT options change LocalChain's speed (see the ./cocoon launcher's defaults): say which ran.
            m.put("jvm_options", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
            m.put("transaction_config", config);
            m.put("get_method_config", "slim");
            m.put("cold_start_ms", coldStartMs);
            m.put("transactions", txs);
            m.put("tx_per_s", txs / (sendNs / 1e9));
            m.put("get_method_mean_ms", Arrays.stream(lat).average().orElse(0));
            m.put("get_method_p50_ms", lat[lat.length / 2]);
            m.put("counter", last.toString());
            return m;
        }
    }

    private JsonNode runSandbox(Path root, int warm, int nSends, int nGets) throws Exception {
        Path script = root.resolve("chain/bench/sandbox-bench.mjs");
        if (!Files.isDirectory(root.resolve("contracts/node_modules/@ton/sandbox"))) {
            throw new IllegalStateException("@ton/sandbox is not installed: run 'npm ci' in " + root.resolve("contracts"));
        }
        String code = Base64.getEncoder().encodeToString(Contracts.load("counter").codeBoc());
        Process p = new ProcessBuilder("node", script.toString(), code, Integer.toString(warm),
                Integer.toString(nSends), Integer.toString(nGets), config)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(600, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("the sandbox benchmark did not finish in 600 s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("the sandbox benchmark failed with exit code " + p.exitValue());
        }
        return new ObjectMapper().readTree(new String(out, StandardCharsets.UTF_8));
    }

    private static Cell increment(int queryId) {
        return CellBuilder.beginCell().storeUint(0x35e6e778L, 32).storeUint(queryId, 64).storeUint(1, 32).endCell();
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
