package io.cocoon4j.cli;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.GetMethodException;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.contracts.Contracts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code cocoon demo}: a fresh in-process network and a scripted scenario whose every outcome is
 * checked. For now the network is a {@link LocalChain} with the counter contract: real wallets
 * deploy and call it, a stranger's call throws and bounces, a signed external message is accepted
 * once and its replay rejected, a payout reaches the owner. Exit 0 only if every check holds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a fresh local network through a scripted scenario; exit 0 only if every outcome is right.")
public final class DemoCommand implements Callable<Integer> {

    private static final long OP_INCREMENT = 0x35e6e778L;
    private static final long OP_RESET = 0xb4f2c4d3L;
    private static final long OP_WITHDRAW = 0xb44fe829L;
    private static final long OP_WITHDRAWN = 0xe96d9eeaL;
    private static final long OP_EXT_INCREMENT = 0xe23504abL;
    private static final int ERROR_NOT_OWNER = 1001;
    private static final int ERROR_BAD_SEQNO = 1004;

    @Option(names = "--json", description = "Print one JSON object on standard output.")
    boolean json;

    private final List<Map<String, Object>> checks = new ArrayList<>();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        Cell code = Cell.fromBoc(Contracts.load("counter").codeBoc());
        int transactions;
        try (LocalChain chain = LocalChain.create()) {
            progress("local chain up (official TON emulator in the JVM)");
            transactions = scenario(chain, code);
        }
        boolean ok = checks.stream().allMatch(c -> Boolean.TRUE.equals(c.get("ok")));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("network", "local");
        report.put("ok", ok);
        report.put("checks_passed", checks.stream().filter(c -> Boolean.TRUE.equals(c.get("ok"))).count());
        report.put("checks_total", checks.size());
        report.put("transactions", transactions);
        report.put("elapsed_ms", (System.nanoTime() - start) / 1_000_000);
        report.put("checks", checks);
        JsonReport.print(report, json, System.out);
        return ok ? 0 : 1;
    }

    private int scenario(LocalChain chain, Cell code) {
        WalletV4 alice = chain.fundedWallet("demo-alice", Transfer.ton("100"));
        WalletV4 bob = chain.fundedWallet("demo-bob", Transfer.ton("100"));
        check("wallets funded and deployed", alice.balance().compareTo(Transfer.ton("99")) > 0
                && chain.account(bob.address()).isActive(), "alice " + alice.balance() + " nanotons");

        Ed25519Keys signer = Ed25519Keys.fromName("demo-counter-signer");
        Cell data = CellBuilder.beginCell().storeAddress(alice.address()).storeBytes(signer.publicKey().bytes())
                .storeUint(0, 32).storeUint(1, 32).storeUint(0, 64).endCell();
        StateInit init = Messages.stateInit(code, data);
        Address counter = Messages.addressOf(init, 0);

        Trace deploy = alice.send(Transfer.deploy(init, Transfer.ton("1"), null));
        check("counter deployed by alice", deploy.allSucceeded() && chain.account(counter).isActive(),
                counter.toRaw());

        alice.send(Transfer.of(counter, Transfer.ton("0.05"), body(OP_INCREMENT, 1).storeUint(5, 32).endCell()));
        check("increment by 5", counter(chain, counter) == 5, "counter = " + counter(chain, counter));

        BigInteger bobBefore = bob.balance();
        Trace reset = bob.send(Transfer.of(counter, Transfer.ton("0.5"), body(OP_RESET, 2).endCell()));
        ChainTransaction refused = reset.first(counter).orElseThrow();
        boolean bouncedHome = reset.on(bob.address()).size() == 2
                && reset.on(bob.address()).get(1).inMessage().map(m -> m.bounced()).orElse(false);
        check("a stranger's reset throws not_owner and bounces",
                refused.exitCode().orElse(0) == ERROR_NOT_OWNER && refused.bounced() && bouncedHome
                        && counter(chain, counter) == 5
                        && bobBefore.subtract(bob.balance()).compareTo(Transfer.ton("0.05")) < 0,
                "exit " + refused.exitCode().orElse(0) + ", bob lost " + bobBefore.subtract(bob.balance())
                        + " nanotons in fees");

        Trace ext = chain.sendExternal(counter, null, externalIncrement(chain, signer, counter, 0, 3));
        check("signed external increment by 3", ext.allSucceeded() && counter(chain, counter) == 8,
                "counter = " + counter(chain, counter));
        int replayExit = 0;
        long ltBefore = chain.account(counter).lastTransactionLt().longValueExact();
        try {
            chain.sendExternal(counter, null, externalIncrement(chain, signer, counter, 0, 3));
        } catch (MessageRejectedException e) {
            replayExit = e.exitCode();
        }
        check("replayed external message rejected, nothing changed", replayExit == ERROR_BAD_SEQNO
                        && chain.account(counter).lastTransactionLt().longValueExact() == ltBefore
                        && counter(chain, counter) == 8,
                "exit " + replayExit);

        chain.advanceTime(3600);
        Trace payout = alice.send(Transfer.of(counter, Transfer.ton("0.05"),
                body(OP_WITHDRAW, 4).storeCoins(Transfer.ton("0.5")).endCell()));
        List<ChainTransaction> atAlice = payout.on(alice.address());
        boolean paid = atAlice.size() == 2 && atAlice.get(1).inMessage()
                .map(m -> m.value().equals(Transfer.ton("0.5")) && m.opCode().orElse(0L) == OP_WITHDRAWN)
                .orElse(false);
        check("owner withdraws 0.5 TON an hour later", paid && payout.allSucceeded(), "payout reached alice");

        int missing = 0;
        try {
            chain.runGetMethod(counter, "no_such_method", List.of());
        } catch (GetMethodException e) {
            missing = e.exitCode();
        }
        check("unknown get-method fails with exit code 11", missing == 11, "exit " + missing);
        AccountState gone = chain.account(Address.of("0:" + "ab".repeat(32)));
        check("an unused address reads as nonexistent", gone.status() == AccountState.Status.NONEXIST, "");
        return chain.allTransactions().size();
    }

    private static CellBuilder body(long op, long queryId) {
        return CellBuilder.beginCell().storeUint(op, 32).storeUint(queryId, 64);
    }

    private static long counter(LocalChain chain, Address counter) {
        return chain.runGetMethod(counter, "get_counter", List.of()).get(0).asLong();
    }

    private static Cell externalIncrement(LocalChain chain, Ed25519Keys signer, Address counter, long seqno, long by) {
        Cell signed = CellBuilder.beginCell().storeAddress(counter).storeUint(chain.now() + 60, 32)
                .storeUint(seqno, 32).storeUint(OP_EXT_INCREMENT, 32).storeUint(by, 32).endCell();
        return CellBuilder.beginCell().storeBytes(signer.sign(signed.getHash())).storeCell(signed).endCell();
    }

    private void check(String name, boolean ok, String detail) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("ok", ok);
        c.put("detail", detail);
        checks.add(c);
        progress((ok ? "ok    " : "FAILED") + "  " + name + (detail.isEmpty() ? "" : "  (" + detail + ")"));
    }

    private static void progress(String line) {
        System.err.println("demo: " + line);
    }
}
