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
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.CounterContract;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cocoon deploy}: deploys the network's root contract from a wallet and writes the network
 * file. Until the protocol contracts (root, operator, job) land, the root is the sample
 * {@code counter} contract, so the whole loop (deploy, fund, send, read back) runs on every
 * network; switching is confined to {@link #deployRoot} and {@link Check}.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = {"Deploy the network's root contract from your wallet and write the network file"
                + " (~/.cocoon/networks/NETWORK.json: addresses, code hashes, config version) other commands read.",
            "",
            "For now the root is the sample counter contract (the protocol's root contract replaces it when it lands).",
            "On testnet and mainnet the deploy message is first emulated locally to show the fee and stop a failing"
                + " deploy. Example: cocoon deploy --network testnet --wallet operator",
            "Then check the deployment end to end: cocoon deploy check --network testnet --wallet operator"},
        subcommands = DeployCommand.Check.class)
public final class DeployCommand implements Callable<Integer> {

    // Not `required`: picocli would then demand it before `deploy check` too.
    @Option(names = "--wallet", paramLabel = "NAME", description = "The wallet that pays and owns the root (required).")
    String wallet;

    @Option(names = "--value", defaultValue = "0.2", paramLabel = "TON",
            description = "TON sent with the deploy, kept by the contract for its storage (default ${DEFAULT-VALUE}).")
    String value;

    @Option(names = "--id", defaultValue = "1", description = "Instance id: another id deploys another root at another address.")
    long id;

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
        ToncenterChain chain = net.connect();
        Wallet owner = open(wallet, net, secret, chain);
        BigInteger amount = WalletCommand.nanotons(value);
        if (chain.account(owner.address()).balance().compareTo(amount) <= 0) {
            throw new IllegalStateException("wallet " + wallet + " (" + net.friendly(owner.address(), false) + ") has "
                    + WalletCommand.ton(chain.account(owner.address()).balance()) + " TON on " + net.name()
                    + "; fund it first (" + (net.isLocal() ? "cocoon wallet fund " + wallet + " --amount 10"
                    : "see `cocoon wallet fund --help`") + ")");
        }
        CounterStorage initial = new CounterStorage(MsgAddress.of(owner.address()),
                Bits.of(owner.keys().publicKey().bytes()), 0, id, BigInteger.ZERO);
        Address root = CounterContract.addressOf(initial);
        boolean existed = chain.account(root).isActive();
        if (!existed) {
            deployRoot(chain, owner, initial, amount);
        } else {
            System.err.println("cocoon deploy: the root is already deployed at " + root.toRaw() + "; rewriting the network file");
        }
        ObjectNode file = new ObjectMapper().createObjectNode();
        file.put("network", net.name());
        file.put("endpoint", net.endpoint().baseUrl().toString());
        file.put("config_version", NetworkFile.CONFIG_VERSION);
        file.put("deployed_at", Instant.now().toString());
        file.put("deployer", owner.address().toRaw());
        ObjectNode rootNode = file.putObject("root");
        rootNode.put("contract", CounterContract.NAME);
        rootNode.put("address", root.toRaw());
        rootNode.put("code_hash", Hash32.of(CounterContract.code().getHash()).hex());
        rootNode.put("id", id);
        ObjectNode contracts = file.putObject("contracts");
        contracts.set(CounterContract.NAME, rootNode.deepCopy());
        NetworkFile nf = NetworkFile.write(net.name(), file);

        Map<String, Object> r = new LinkedHashMap<>();
        r.put("network", net.name());
        r.put("root_contract", CounterContract.NAME);
        r.put("root_address", net.friendly(root, true));
        r.put("root_address_raw", root.toRaw());
        r.put("already_deployed", existed);
        r.put("network_file", nf.path().toString());
        output.print(r);
        return 0;
    }

    /** Deploys the root (today the counter), emulating first on real networks. */
    private void deployRoot(ToncenterChain chain, Wallet owner, CounterStorage initial, BigInteger amount) {
        if (!net.isLocal()) {
            var msg = owner.nextMessage(List.of(Transfer.deploy(CounterContract.stateInit(initial), amount, null)));
            Preflight.Result p = Preflight.emulate(chain, msg);
            System.err.println("pre-flight (local emulation): fees " + WalletCommand.ton(p.fees()) + " TON"
                    + p.problem().map(s -> "; PROBLEM: " + s).orElse(", no failure predicted"));
            if (!p.ok()) {
                throw new IllegalStateException("not deployed: " + p.problem().get());
            }
        }
        CounterContract.deploy(chain, owner, initial, amount);
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Send one paid call to the deployed root (today: increment the counter by 1) and read the"
                    + " result back; exit 0 only if it changed as expected.")
    static final class Check implements Callable<Integer> {
        @Option(names = "--wallet", required = true, paramLabel = "NAME", description = "The wallet that pays for the call.")
        String wallet;

        @Mixin
        NetworkOptions net;

        @Mixin
        SecretOptions secret;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            NetworkFile nf = NetworkFile.read(net.name());
            ToncenterChain chain = net.connect();
            Wallet w = open(wallet, net, secret, chain);
            CounterContract root = new CounterContract(chain, Address.of(nf.rootAddress()));
            BigInteger before = root.getCounter();
            long mcBefore = chain.masterchainSeqno();
            var sent = root.sendIncrement(w, Transfer.ton("0.05"), 1);
            BigInteger after = root.getCounter();
            boolean ok = after.equals(before.add(BigInteger.ONE)) && sent.trace().allSucceeded();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", net.name());
            r.put("root_address_raw", root.address().toRaw());
            r.put("counter_before", before.toString());
            r.put("counter_after", after.toString());
            r.put("transactions", sent.trace().transactions().size());
            r.put("masterchain_advanced", chain.masterchainSeqno() > mcBefore);
            r.put("ok", ok);
            output.print(r);
            return ok ? 0 : 1;
        }
    }
}
