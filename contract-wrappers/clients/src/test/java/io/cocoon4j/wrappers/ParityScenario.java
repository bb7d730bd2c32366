package io.cocoon4j.wrappers;

import static io.cocoon4j.chain.Transfer.ton;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.GetMethodException;
import io.cocoon4j.chain.GetMethodResult;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.TvmStack;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.wrappers.counter.CounterContract;
import io.cocoon4j.wrappers.counter.CounterExtAction;
import io.cocoon4j.wrappers.counter.CounterExternal;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterSigned;
import io.cocoon4j.wrappers.counter.CounterStorage;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;

/**
 * The parity scenario on {@link LocalChain}: the same steps, constants and message layouts as
 * src/test/node/parity-scenario.mjs runs on @ton/sandbox. The counter's storage and messages come
 * from its generated client (io.cocoon4j.wrappers.counter), never laid out by hand. Deploys, internal and external messages,
 * a contract {@code throw} with its bounce, an out-of-gas, a rejected external, time moving on, a
 * payout, a transfer to a missing account (bounce), get-methods of every stack type.
 */
final class ParityScenario {
    static final long NOW = 1_750_000_000L;

    /** One step: its transactions' hashes, or the exit code it was rejected with. */
    record Step(String name, List<String> hashes, Integer rejectedExitCode) {}

    /** One get-method: exit code, gas and the hash of the re-serialised stack, or the failure's exit code. */
    record Get(String name, int exitCode, Long gasUsed, String stackHash) {}

    /** An account at the end. */
    record Account(String address, String balance, String status, String lastLt) {}

    record Outcome(List<Step> steps, List<Get> gets, Map<String, Account> accounts) {}

    private ParityScenario() {}

    static Outcome run(LocalChain chain) {
        List<Step> steps = new ArrayList<>();
        chain.setNow(NOW);
        WalletV4 alice = new WalletV4(chain, Ed25519Keys.fromName("alice"));
        WalletV4 bob = new WalletV4(chain, Ed25519Keys.fromName("bob"));
        Ed25519Keys signer = Ed25519Keys.fromName("counter-signer");
        CounterStorage counterData = new CounterStorage(MsgAddress.of(alice.address()), Bits.of(signer.publicKey().bytes()),
                0, 7, BigInteger.ZERO);
        StateInit counterInit = CounterContract.stateInit(counterData);
        Address counter = CounterContract.addressOf(counterData);
        Address nowhere = Address.of("0:" + HexFormat.of().formatHex(sha256("nowhere")));

        step(steps, "fund alice", () -> chain.fund(alice.address(), ton("1000"), alice.stateInit()));
        step(steps, "fund bob", () -> chain.fund(bob.address(), ton("1000"), bob.stateInit()));
        step(steps, "deploy counter", () -> alice.send(Transfer.deploy(counterInit, ton("0.5"), null)));
        step(steps, "increment", () -> alice.send(Transfer.of(counter, ton("0.05"),
                new CounterMsg.Increment(BigInteger.ONE, 5).toCell())));
        step(steps, "reset by stranger (throw, bounce)", () -> bob.send(Transfer.of(counter, ton("0.05"),
                new CounterMsg.Reset(BigInteger.TWO).toCell())));
        step(steps, "burn gas (out of gas)", () -> alice.send(Transfer.of(counter, ton("0.01"),
                new CounterMsg.BurnGas(BigInteger.valueOf(3), 1_000_000).toCell())));
        step(steps, "external increment", () -> chain.sendExternal(counter, null, externalIncrement(chain, signer, counter, 0, 3)));
        step(steps, "external replay (rejected)",
                () -> chain.sendExternal(counter, null, externalIncrement(chain, signer, counter, 0, 3)));
        chain.setNow(NOW + 100);
        step(steps, "withdraw", () -> alice.send(Transfer.of(counter, ton("0.05"),
                new CounterMsg.Withdraw(BigInteger.valueOf(4), ton("0.1")).toCell())));
        step(steps, "transfer with comment", () -> alice.send(Transfer.of(bob.address(), ton("1"),
                CellBuilder.beginCell().storeUint(0, 32).storeString("hi").endCell())));
        step(steps, "transfer to nowhere (bounce)", () -> alice.send(Transfer.of(nowhere, ton("0.2"), null)));

        List<Get> gets = new ArrayList<>();
        get(gets, chain, "counter", counter, "get_counter", List.of());
        get(gets, chain, "owner", counter, "get_owner", List.of());
        get(gets, chain, "counter seqno", counter, "get_seqno", List.of());
        get(gets, chain, "counter id", counter, "get_id", List.of());
        get(gets, chain, "counter public key", counter, "get_public_key", List.of());
        get(gets, chain, "alice seqno", alice.address(), "seqno", List.of());
        get(gets, chain, "alice public key", alice.address(), "get_public_key", List.of());
        get(gets, chain, "alice plugins", alice.address(), "get_plugin_list", List.of());
        get(gets, chain, "alice is plugin installed", alice.address(), "is_plugin_installed",
                List.of(TvmValue.of(0), TvmValue.of(123)));
        get(gets, chain, "missing method", counter, "no_such_method", List.of());

        Map<String, Account> accounts = new LinkedHashMap<>();
        for (var e : Map.of("alice", alice.address(), "bob", bob.address(), "counter", counter, "nowhere", nowhere)
                .entrySet()) {
            AccountState a = chain.account(e.getValue());
            accounts.put(e.getKey(), new Account(raw(a.address()), a.balance().toString(),
                    a.status().name().toLowerCase(), a.lastTransactionLt().toString()));
        }
        return new Outcome(steps, gets, accounts);
    }

    /** The counter's signed external increment, valid for a minute. */
    static Cell externalIncrement(LocalChain chain, Ed25519Keys signer, Address counter, long seqno, long by) {
        CounterSigned signed = new CounterSigned(MsgAddress.of(counter), chain.now() + 60, seqno,
                new CounterExtAction.ExtIncrement(by));
        return new CounterExternal(Bits.of(signer.sign(signed.toCell().getHash())), signed).toCell();
    }

    /** The raw form {@code wc:hex} the reference prints. */
    private static String raw(Address address) {
        return address.wc + ":" + HexFormat.of().formatHex(address.hashPart);
    }

    private static void step(List<Step> steps, String name, Supplier<Trace> run) {
        try {
            Trace t = run.get();
            steps.add(new Step(name, t.transactions().stream().map(tx -> tx.hash().hex()).toList(), null));
        } catch (MessageRejectedException e) {
            steps.add(new Step(name, List.of(), e.exitCode()));
        }
    }

    private static void get(List<Get> gets, LocalChain chain, String name, Address a, String method,
                            List<TvmValue> args) {
        try {
            GetMethodResult r = chain.runGetMethod(a, method, args);
            gets.add(new Get(name, r.exitCode(), r.gasUsed(),
                    Hash32.of(TvmStack.serialize(r.stack()).getHash()).hex()));
        } catch (GetMethodException e) {
            gets.add(new Get(name, e.exitCode(), null, null));
        }
    }

    static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
