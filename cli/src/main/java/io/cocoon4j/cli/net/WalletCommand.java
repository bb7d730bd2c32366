package io.cocoon4j.cli.net;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.cli.ReportOptions;
import io.cocoon4j.network.client.HttpTransport;
import io.cocoon4j.network.client.LocalFaucet;
import io.cocoon4j.network.client.Preflight;
import io.cocoon4j.network.client.ToncenterChain;
import io.cocoon4j.network.wallet.KeyFile;
import io.cocoon4j.network.wallet.Mnemonics;
import io.cocoon4j.network.wallet.Wallet;
import io.cocoon4j.network.wallet.WalletKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cocoon wallet}: keys and TON wallets on the local network, testnet or mainnet. */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = {"Create, import and use TON wallets (v5r1 by default, v4r2 accepted).",
            "",
            "A wallet is a file in ~/.cocoon/wallets/NAME.json ($COCOON_HOME/wallets) holding its 24-word mnemonic"
                + " encrypted with your password (scrypt + AES-256-GCM, owner-only permissions). The words are never"
                + " printed: back up the file and remember the password.",
            "",
            "First steps on the local network (start it with `./cocoon up` in another terminal):",
            "  cocoon wallet create alice",
            "  cocoon wallet fund alice --amount 100",
            "  cocoon wallet send alice --to ADDRESS --amount 1.5",
            "On testnet: create a wallet, get its address with `cocoon wallet address alice --network testnet`,"
                + " ask @testgiver_ton_bot on Telegram for test coins, then add --network testnet to every command."},
        subcommands = {WalletCommand.Create.class, WalletCommand.Import.class, WalletCommand.ShowAddress.class,
            WalletCommand.Balance.class, WalletCommand.Send.class, WalletCommand.Fund.class})
public final class WalletCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    static Map<String, Object> describe(String name, KeyFile k, Path file) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("name", name);
        r.put("wallet", k.kind().id());
        r.put("file", file.toString());
        r.put("public_key", k.publicKeyHex());
        byte[] keys = java.util.HexFormat.of().parseHex(k.publicKeyHex());
        Address main = Wallet.addressOf(k.kind(), keys, -239);
        Address test = Wallet.addressOf(k.kind(), keys, -3);
        r.put("address", main.toString(true, true, false, false));
        r.put("address_raw", main.toRaw());
        r.put("address_testnet", test.toString(true, true, false, true));
        return r;
    }

    static BigInteger nanotons(String ton) {
        try {
            BigInteger n = new BigDecimal(ton).movePointRight(9).toBigIntegerExact();
            if (n.signum() <= 0) {
                throw new IllegalArgumentException("the amount must be positive; got " + ton);
            }
            return n;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + ton + "' is not an amount of TON (up to 9 decimals, e.g. 1.5)");
        }
    }

    static String ton(BigInteger nanotons) {
        return new BigDecimal(nanotons).movePointLeft(9).stripTrailingZeros().toPlainString();
    }

    /** An address, or the name of a wallet file (its address on {@code net}). */
    static Address target(String nameOrAddress, NetworkOptions net) {
        if (Address.isValid(nameOrAddress)) {
            return Address.of(nameOrAddress);
        }
        Path f = CocoonHome.wallet(nameOrAddress);
        KeyFile k = KeyFile.read(f);
        return Wallet.addressOf(k.kind(), java.util.HexFormat.of().parseHex(k.publicKeyHex()), net.globalId());
    }

    /** What {@code create} and {@code import} share: the wallet's name and version. */
    static final class NewWallet {
        @Parameters(index = "0", paramLabel = "NAME", description = "The wallet's name (letters, digits, . _ -).")
        String name;

        @Option(names = "--version", defaultValue = "v5r1", description = "Wallet contract: v5r1 (default) or v4r2.")
        String version;

        /** Encrypts {@code words} into the wallet file and reports it (never the words). */
        Integer save(List<String> words, SecretOptions secret, ReportOptions output) {
            Path f = CocoonHome.wallet(name);
            KeyFile k = KeyFile.create(f, WalletKind.parse(version), words, secret.secret(true), KeyFile.SCRYPT_N);
            System.err.println("wallet " + name + " saved; back up " + f + " and remember its password"
                    + " (the 24 words are inside, encrypted, and never printed)");
            output.print(describe(name, k, f));
            return 0;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a wallet with a fresh 24-word mnemonic, encrypted in ~/.cocoon/wallets/NAME.json.")
    static final class Create implements Callable<Integer> {
        @Mixin
        NewWallet wallet;

        @Mixin
        SecretOptions secret;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            return wallet.save(Mnemonics.generate(), secret, output);
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Import a wallet from its 24 words (read from --mnemonic-file or standard input, never from"
                    + " the command line).")
    static final class Import implements Callable<Integer> {
        @Mixin
        NewWallet wallet;

        @Mixin
        SecretOptions secret;

        @Mixin
        ReportOptions output;

        @Option(names = "--mnemonic-file", paramLabel = "FILE", description = "A file holding the 24 words (chmod 600).")
        Path mnemonicFile;

        @Override
        public Integer call() {
            String text;
            try {
                if (mnemonicFile != null) {
                    KeyFile.requireOwnerOnly(mnemonicFile);
                    text = Files.readString(mnemonicFile);
                } else {
                    if (System.console() != null) {
                        System.err.println("type or paste the 24 words, then Ctrl-D:");
                    }
                    InputStream in = System.in;
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return wallet.save(Mnemonics.parse(text), secret, output);
        }
    }

    @Command(name = "address", mixinStandardHelpOptions = true,
            description = "Print a wallet's address (no password needed). Wallet v5r1 addresses differ between"
                    + " testnet and mainnet/local: pass --network testnet for the testnet one.")
    static final class ShowAddress implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        NetworkOptions net;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            Address a = target(name, net);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("name", name);
            r.put("network", net.name());
            r.put("address", net.friendly(a, false));
            r.put("address_raw", a.toRaw());
            output.print(r);
            return 0;
        }
    }

    @Command(name = "balance", mixinStandardHelpOptions = true, description = "Print the balance of a wallet or any address.")
    static final class Balance implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|ADDRESS")
        String who;

        @Mixin
        NetworkOptions net;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            Address a = target(who, net);
            AccountState s = net.connect().account(a);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", net.name());
            r.put("address", net.friendly(a, false));
            r.put("balance_ton", ton(s.balance()));
            r.put("balance_nanoton", s.balance().toString());
            r.put("state", s.status().name().toLowerCase());
            output.print(r);
            return 0;
        }
    }

    @Command(name = "send", mixinStandardHelpOptions = true,
            description = {"Send TON from a wallet (deploying it on its first send) and wait until it lands.",
                "On testnet and mainnet the message is first emulated locally against the accounts' current states:"
                    + " the fee is shown and a transfer that would fail is not sent (--force sends it anyway)."})
    static final class Send implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "The sending wallet.")
        String name;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS", description = "Receiver (an address or a wallet name).")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "TON", description = "Amount in TON, e.g. 1.5.")
        String amount;

        @Option(names = "--comment", paramLabel = "TEXT", description = "A text comment carried with the transfer.")
        String comment;

        @Option(names = "--bounce", description = "Bounce the value back if the receiver fails (default: no, as for wallets).")
        boolean bounce;

        @Option(names = "--force", description = "Send even when the pre-flight emulation predicts a failure.")
        boolean force;

        @Mixin
        NetworkOptions net;

        @Mixin
        SecretOptions secret;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            Path f = CocoonHome.wallet(name);
            KeyFile k = KeyFile.read(f);
            Address dest = target(to, net);
            BigInteger value = nanotons(amount);
            Cell body = comment == null ? null
                    : CellBuilder.beginCell().storeUint(0, 32).storeString(comment).endCell();
            ToncenterChain chain = net.connect();
            Wallet w = new Wallet(chain, k.kind(), Mnemonics.keys(KeyFile.words(f, secret.secret(false))), net.globalId());
            List<Transfer> transfers = List.of(new Transfer(dest, value, bounce, body, null, Transfer.DEFAULT_MODE));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", net.name());
            r.put("from", net.friendly(w.address(), false));
            r.put("to", net.friendly(dest, bounce));
            r.put("amount_ton", ton(value));
            if (!net.isLocal()) {
                Preflight.Result p = Preflight.emulate(chain, w.nextMessage(transfers));
                System.err.println("pre-flight (local emulation): fees " + ton(p.fees()) + " TON"
                        + p.problem().map(s -> "; PROBLEM: " + s).orElse(", no failure predicted"));
                r.put("preflight_fees_ton", ton(p.fees()));
                if (!p.ok() && !force) {
                    throw new IllegalStateException("not sent: " + p.problem().get() + " (--force sends anyway)");
                }
            }
            Trace t = w.send(transfers);
            r.put("transaction_hash", t.root().hash().hex());
            r.put("fees_ton", ton(t.transactions().stream().map(x -> x.totalFees()).reduce(BigInteger.ZERO, BigInteger::add)));
            r.put("balance_ton", ton(w.balance()));
            r.put("ok", t.root().succeeded());
            output.print(r);
            return 0;
        }
    }

    @Command(name = "fund", mixinStandardHelpOptions = true,
            description = {"The local faucet: give TON to a wallet or address on the local network.",
                "Testnet and mainnet have no faucet here: for testnet coins ask @testgiver_ton_bot on Telegram."})
    static final class Fund implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME|ADDRESS")
        String who;

        @Option(names = "--amount", required = true, paramLabel = "TON", description = "Amount in TON (up to 1,000,000).")
        String amount;

        @Mixin
        NetworkOptions net;

        @Mixin
        ReportOptions output;

        @Override
        public Integer call() {
            if (!net.isLocal()) {
                throw new IllegalArgumentException(LocalFaucet.refusal(net.name()));
            }
            Address a = target(who, net);
            BigInteger balance = LocalFaucet.fund(net.endpoint(), HttpTransport.jdk(Duration.ofSeconds(5)), a, nanotons(amount));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("network", "local");
            r.put("address", net.friendly(a, false));
            r.put("funded_ton", ton(nanotons(amount)));
            r.put("balance_ton", ton(balance));
            output.print(r);
            return 0;
        }
    }
}
