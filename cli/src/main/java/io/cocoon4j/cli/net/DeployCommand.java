package io.cocoon4j.cli.net;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.network.client.Preflight;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.KeyFile;
import io.cocoon4j.network.wallet.Mnemonics;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.protocol.params.NetworkParams;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.wrappers.job.JobContract;
import io.cocoon4j.wrappers.network.NetworkDeployment;
import io.cocoon4j.wrappers.operator.OperatorContract;
import io.cocoon4j.wrappers.root.Config;
import io.cocoon4j.wrappers.root.RootContract;
import io.cocoon4j.wrappers.root.RootMsg;
import io.cocoon4j.wrappers.root.RootStorage;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon deploy}: deploys the network's root contract ({@code root.fc}, configured from
 * {@link NetworkParams#DEFAULTS}) from a wallet, allow-lists models and (local only) the simulated
 * enclave, and writes the network file that {@code runner join}, {@code verifier join} and
 * {@code job submit} read.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the network's root contract from your wallet and write the network file"
                + " (~/.cocoon/networks/NETWORK.json: root address, code hashes of root/operator/job, config version)"
                + " that the other commands read. The wallet becomes the root's owner.",
            "",
            "The root takes the default network parameters (stakes, deadlines, slashing, jury, fees). On local the"
                + " tiny generated model is allowed; --allow-simulated also admits the simulated enclave (local only:"
                + " a testnet or mainnet root never accepts it). On testnet and mainnet every message is first emulated"
                + " locally to show the fee and stop a failing deploy.",
            "Example: cocoon deploy --network testnet --wallet operator --allow-model SHA256",
            "Then read it back: cocoon deploy check --network testnet"},
        subcommands = DeployCommand.Check.class)
public final class DeployCommand implements Callable<Integer> {

    // Not `required`: picocli would then demand it before `deploy check` too.
    @Option(names = "--wallet", paramLabel = "NAME", description = "The wallet that pays and owns the root (required).")
    String wallet;

    @Option(names = "--value", defaultValue = "1", paramLabel = "TON",
            description = "TON sent with the deploy: the root's storage reserve (default ${DEFAULT-VALUE}).")
    String value;

    @Option(names = "--allow-simulated",
            description = "Allow the simulated enclave's measurement (local only; refused on any other network).")
    boolean allowSimulated;

    @Option(names = "--allow-model", paramLabel = "SHA256",
            description = "Allow a model (the SHA-256 of its GGUF file); repeatable. On local the tiny generated model"
                    + " is always allowed.")
    List<String> models = new ArrayList<>();

    @Option(names = "--price-cap", defaultValue = "1000000", paramLabel = "NANOTON",
            description = "Highest price per token jobs may offer for the allowed models (default ${DEFAULT-VALUE}).")
    long priceCap;

    @Mixin
    NetworkOptions net;

    @Mixin
    SecretOptions secret;

    @Mixin
    ReportOptions output;

    static Wallet open(String name, NetworkOptions net, SecretOptions secret, ToncenterChain chain) {
        Path f = CocoonHome.wallet(name);
        KeyFile k = KeyFile.read(f);
        return new Wallet(chain, k.kind(), Mnemonics.keys(KeyFile.words(f, secret.secret(false))), net.globalId());
    }

    @Override
    public Integer call() {
        if (wallet == null) {
            throw new IllegalArgumentException("which wallet pays? add --wallet NAME (create one with `cocoon wallet create NAME`)");
        }
        if (allowSimulated && !net.isLocal()) {
            throw new IllegalArgumentException("--allow-simulated is for local networks only: a root on " + net.name()
                    + " never accepts the simulated enclave");
        }
        List<Bits> allowed = new ArrayList<>();
        for (String m : models) {
            allowed.add(LocalDev.hash32("--allow-model", m));
        }
        if (net.isLocal()) {
            allowed.add(LocalDev.hash32("tiny model", LocalDev.tinyModelSha256()));
        }
        ToncenterChain chain = net.connect();
        Wallet owner = open(wallet, net, secret, chain);
        BigInteger amount = WalletCommand.nanotons(value);
        requireFunds(chain, owner, amount);
        RootStorage initial = NetworkDeployment.rootStorage(owner.address(), NetworkParams.DEFAULTS);
        Address rootAddress = RootContract.addressOf(initial);
        boolean existed = chain.account(rootAddress).isActive();
        RootContract root;
        BigInteger fees = BigInteger.ZERO;
        if (existed) {
            System.err.println("cocoon deploy: the root is already deployed at " + rootAddress.toRaw()
                    + "; updating its allow-lists and rewriting the network file");
            root = new RootContract(chain, rootAddress);
        } else {
            fees = fees.add(preflight(net, chain, owner, Transfer.deploy(RootContract.stateInit(initial), amount, null),
                    "the deploy"));
            root = RootContract.deploy(chain, owner, initial, amount);
        }
        BigInteger fee = Transfer.ton("0.05");
        if (allowSimulated) {
            // local only (checked above), so no pre-flight
            requireSuccess(root.sendAllowMeasurement(owner, fee, LocalDev.simulatedMeasurement(), true).trace(),
                    "allow_measurement");
        }
        for (Bits m : allowed) {
            fees = fees.add(preflight(net, chain, owner, toRoot(root, fee, new RootMsg.SetModel(BigInteger.ZERO, m,
                    BigInteger.valueOf(priceCap))), "set_model"));
            requireSuccess(root.sendSetModel(owner, fee, m, BigInteger.valueOf(priceCap)).trace(), "set_model");
        }
        long version = root.getConfigVersion();
        if (!root.getOwner().toAddress().map(a -> a.toRaw().equals(owner.address().toRaw())).orElse(false)) {
            throw new IllegalStateException("the root at " + rootAddress.toRaw() + " does not name "
                    + wallet + " as its owner");
        }

        ObjectNode file = new ObjectMapper().createObjectNode();
        file.put("network", net.name());
        file.put("endpoint", net.endpoint().baseUrl().toString());
        file.put("config_version", version);
        file.put("deployed_at", Instant.now().toString());
        file.put("deployer", owner.address().toRaw());
        file.put("simulated_enclave_allowed", allowSimulated);
        ObjectNode rootNode = file.putObject("root");
        rootNode.put("contract", "root");
        rootNode.put("address", rootAddress.toRaw());
        rootNode.put("code_hash", Hash32.of(RootContract.code().getHash()).hex());
        ObjectNode contracts = file.putObject("contracts");
        contracts.set("root", rootNode.deepCopy());
        contracts.putObject("operator").put("code_hash", Hash32.of(OperatorContract.code().getHash()).hex());
        contracts.putObject("job").put("code_hash", Hash32.of(JobContract.code().getHash()).hex());
        var modelsNode = file.putArray("models");
        allowed.forEach(m -> modelsNode.add(Hash32.of(m.toByteArray()).hex()));
        NetworkFile nf = NetworkFile.write(net.name(), file);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", net.name());
        r.put("root_address", net.friendly(rootAddress, true));
        r.put("root_address_raw", rootAddress.toRaw());
        r.put("config_version", version);
        r.put("already_deployed", existed);
        r.put("simulated_enclave_allowed", allowSimulated);
        r.put("models_allowed", allowed.size());
        r.put("network_file", nf.path().toString());
        if (!net.isLocal()) {
            r.put("preflight_fees_ton", WalletCommand.ton(fees));
        }
        output.print(r);
        return 0;
    }

    private void requireFunds(ToncenterChain chain, Wallet owner, BigInteger amount) {
        BigInteger have = chain.account(owner.address()).balance();
        if (have.compareTo(amount) <= 0) {
            throw new IllegalStateException("wallet " + wallet + " (" + net.friendly(owner.address(), false) + ") has "
                    + WalletCommand.ton(have) + " TON on " + net.name() + "; fund it first ("
                    + (net.isLocal() ? "cocoon wallet fund " + wallet + " --amount 10" : "see `cocoon wallet fund --help`")
                    + ")");
        }
    }

    /**
     * On real networks (anything but local): emulates {@code transfer} from {@code sender} locally
     * against the accounts' fetched states, shows the fee, and stops before sending one that would
     * fail. The generated clients send for real afterwards.
     *
     * @return the emulated fees (zero on local, where nothing is emulated)
     */
    static BigInteger preflight(NetworkOptions net, ToncenterChain chain, Wallet sender, Transfer transfer, String what) {
        if (net.isLocal()) {
            return BigInteger.ZERO;
        }
        Preflight.Result p = Preflight.emulate(chain, sender.nextMessage(List.of(transfer)));
        if (!p.ok()) {
            throw new IllegalStateException(what + " not sent: the pre-flight emulation predicts a failure: "
                    + p.problem().get());
        }
        return p.fees();
    }

    /** The root message as a transfer, for {@link #preflight} (the query id does not change the outcome). */
    static Transfer toRoot(RootContract root, BigInteger value, RootMsg msg) {
        return Transfer.of(root.address(), value, msg.toCell());
    }

    static void requireSuccess(io.cocoon4j.chain.Trace t, String what) {
        if (!t.allSucceeded()) {
            StringBuilder why = new StringBuilder();
            for (var tx : t.transactions()) {
                why.append("\n  ").append(tx.account().toRaw()).append(" exit code ")
                        .append(tx.exitCode().map(String::valueOf).orElse("(skipped)"));
            }
            throw new IllegalStateException(what + " failed on chain (exit codes are listed in contracts/README.md):" + why);
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read the deployed root back: its config version and parameters; exit 0 only if they match"
                    + " the network file and the default parameters.")
    static final class Check implements Callable<Integer> {
        @Mixin
        NetworkOptions net;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            NetworkFile nf = NetworkFile.read(net.name());
            ToncenterChain chain = net.connect();
            RootContract root = new RootContract(chain, Address.of(nf.rootAddress()));
            long version = root.getConfigVersion();
            Config config = Config.fromCell(root.getConfig());
            boolean codeMatches = chain.account(root.address()).isActive();
            boolean ok = codeMatches && version == nf.json().path("config_version").asLong(-1)
                    && config.equals(NetworkDeployment.config(NetworkParams.DEFAULTS));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", net.name());
            r.put("root_address_raw", root.address().toRaw());
            r.put("config_version", version);
            r.put("min_runner_stake_nanoton", config.minRunnerStake().toString());
            r.put("verifier_bond_nanoton", config.verifierBond().toString());
            r.put("accept_window_s", config.acceptWindow());
            r.put("challenge_window_s", config.challengeWindow());
            r.put("jury_size", config.jurySize());
            r.put("protocol_fee_bps", config.protocolFeeBps());
            r.put("verifiers", root.getVerifierCount());
            r.put("ok", ok);
            output.print(r);
            return ok ? 0 : 1;
        }
    }
}
