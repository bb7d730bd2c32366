package io.cocoon4j.cli;

import static io.cocoon4j.chain.Transfer.ton;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.GetMethodException;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.wrappers.ContractDeployException;
import io.cocoon4j.wrappers.counter.CounterContract;
import io.cocoon4j.wrappers.counter.CounterExtAction;
import io.cocoon4j.wrappers.counter.CounterExternal;
import io.cocoon4j.wrappers.counter.CounterReply;
import io.cocoon4j.wrappers.counter.CounterSigned;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ton.ton4j.address.Address;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cocoon demo}: a fresh in-process network and a scripted scenario whose every outcome is
 * checked. For now the network is a {@link LocalChain} with the counter contract, driven only
 * through its generated client {@link CounterContract}: real wallets deploy and call it, a
 * stranger's call throws and bounces, a signed external message is accepted once and its replay
 * rejected, a payout reaches the owner. Exit 0 only if every check holds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a fresh local network through a scripted scenario; exit 0 only if every outcome is right.")
public final class DemoCommand implements Callable<Integer> {

    // Error numbers of common/errors.fc that the scenario provokes on purpose.
    private static final int ERROR_NOT_OWNER = 1001;
    private static final int ERROR_BAD_SEQNO = 1004;
    // TVM exit code of a get-method the contract does not have.
    private static final int EXIT_METHOD_NOT_FOUND = 11;

    @Mixin
    ReportOptions output;

    private final List<Map<String, Object>> checks = new ArrayList<>();

    @Override
    public Integer call() {
        long start = System.nanoTime();
        int transactions;
        try (LocalChain chain = LocalChain.create()) {
            progress("local chain up (official TON emulator in the JVM)");
            transactions = scenario(chain);
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
        output.print(report);
        return ok ? 0 : 1;
    }

    private int scenario(LocalChain chain) {
        WalletV4 alice = chain.fundedWallet("demo-alice", ton("100"));
        WalletV4 bob = chain.fundedWallet("demo-bob", ton("100"));
        check("wallets funded and deployed", alice.balance().compareTo(ton("99")) > 0
                && chain.account(bob.address()).isActive(), "alice " + alice.balance() + " nanotons");

        Ed25519Keys signer = Ed25519Keys.fromName("demo-counter-signer");
        CounterStorage initial = new CounterStorage(MsgAddress.of(alice.address()),
                Bits.of(signer.publicKey().bytes()), 0, 1, BigInteger.ZERO);
        CounterContract counter;
        try {
            counter = CounterContract.deploy(chain, alice, initial, ton("1"));
        } catch (ContractDeployException e) {
            check("counter deployed by alice", false, e.getMessage());
            return chain.allTransactions().size();
        }
        check("counter deployed by alice", counter.address().toRaw().equals(CounterContract.addressOf(initial).toRaw())
                && counter.storage().equals(initial), counter.address().toRaw());

        counter.sendIncrement(alice, ton("0.05"), 5);
        check("increment by 5", counterIs(counter, 5), "counter = " + counter.getCounter());

        BigInteger bobBefore = bob.balance();
        Trace reset = counter.sendReset(bob, ton("0.5")).trace();
        ChainTransaction refused = reset.first(counter.address()).orElseThrow();
        List<ChainTransaction> atBob = reset.on(bob.address());
        boolean bouncedHome = atBob.size() == 2
                && atBob.get(1).inMessage().map(ChainMessage::bounced).orElse(false);
        check("a stranger's reset throws not_owner and bounces",
                refused.exitCode().orElse(0) == ERROR_NOT_OWNER && refused.bounced() && bouncedHome
                        && counterIs(counter, 5)
                        && bobBefore.subtract(bob.balance()).compareTo(ton("0.05")) < 0,
                "exit " + refused.exitCode().orElse(0) + ", bob lost " + bobBefore.subtract(bob.balance())
                        + " nanotons in fees");

        CounterExternal increment = signedExternal(chain, signer, counter, new CounterExtAction.ExtIncrement(3));
        Trace ext = counter.sendExternal(increment);
        check("signed external increment by 3", ext.allSucceeded() && counterIs(counter, 8)
                        && counter.getSeqno() == 1,
                "counter = " + counter.getCounter() + ", seqno = " + counter.getSeqno());
        int replayExit = 0;
        long ltBefore = chain.account(counter.address()).lastTransactionLt().longValueExact();
        try {
            counter.sendExternal(increment);
        } catch (MessageRejectedException e) {
            replayExit = e.exitCode();
        }
        check("replayed external message rejected, nothing changed", replayExit == ERROR_BAD_SEQNO
                        && chain.account(counter.address()).lastTransactionLt().longValueExact() == ltBefore
                        && counterIs(counter, 8),
                "exit " + replayExit);

        chain.advanceTime(3600);
        CounterContract.Sent payout = counter.sendWithdraw(alice, ton("0.05"), ton("0.5"));
        List<ChainTransaction> atAlice = payout.trace().on(alice.address());
        boolean paid = atAlice.size() == 2 && atAlice.get(1).inMessage()
                .map(m -> m.value().equals(ton("0.5"))
                        && isWithdrawn(m, new CounterReply(BigInteger.valueOf(payout.queryId()))))
                .orElse(false);
        check("owner withdraws 0.5 TON an hour later", paid && payout.trace().allSucceeded(),
                "payout reached alice with query id " + payout.queryId());

        // Not part of the counter's interface on purpose, so there is no generated method: ask the chain.
        int missing = 0;
        try {
            chain.runGetMethod(counter.address(), "no_such_method", List.of());
        } catch (GetMethodException e) {
            missing = e.exitCode();
        }
        check("unknown get-method fails with exit code 11", missing == EXIT_METHOD_NOT_FOUND, "exit " + missing);
        AccountState gone = chain.account(Address.of("0:" + "ab".repeat(32)));
        check("an unused address reads as nonexistent", gone.status() == AccountState.Status.NONEXIST, "");
        return chain.allTransactions().size();
    }

    private static boolean counterIs(CounterContract counter, long expected) {
        return counter.getCounter().equals(BigInteger.valueOf(expected));
    }

    /** Whether {@code message} carries exactly the {@code withdrawn} reply expected. */
    private static boolean isWithdrawn(ChainMessage message, CounterReply expected) {
        try {
            return CounterReply.fromCell(message.body()).equals(expected);
        } catch (TlbDecodeException e) {
            return false;
        }
    }

    /** An external message for the counter's next seqno, valid for a minute, signed by {@code signer}. */
    private static CounterExternal signedExternal(LocalChain chain, Ed25519Keys signer, CounterContract counter,
            CounterExtAction action) {
        CounterSigned signed = new CounterSigned(MsgAddress.of(counter.address()), chain.now() + 60,
                counter.getSeqno(), action);
        return new CounterExternal(Bits.of(signer.sign(signed.toCell().getHash())), signed);
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
