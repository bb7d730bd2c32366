package io.cocoon4j.chain;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.contracts.Contracts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;

/** LocalChain's blockchain semantics, snapshots, threads and bad input, on the real emulator. */
class LocalChainTest {
    // The counter's ops, as counter.tlb tags them (its generated client lives above this module).
    private static final long OP_INCREMENT = 0x35e6e778L;
    private static final long OP_EXT_INCREMENT = 0xe23504abL;

    private static LocalChain chain;
    private static WalletV4 alice;
    private static Address counter;

    @BeforeAll
    static void setUp() {
        chain = LocalChain.on(TvmEmulator.shared());
        chain.setNow(1_760_000_000L);
        alice = chain.fundedWallet("lc-alice");
        Cell code = Cell.fromBoc(Contracts.load("counter").codeBoc());
        Cell data = CellBuilder.beginCell().storeAddress(alice.address())
                .storeBytes(Ed25519Keys.fromName("lc-signer").publicKey().bytes())
                .storeUint(0, 32).storeUint(9, 32).storeUint(0, 64).endCell();
        StateInit init = Messages.stateInit(code, data);
        counter = Messages.addressOf(init, 0);
        assertThat(alice.send(Transfer.deploy(init, ton("1"), null)).allSucceeded()).isTrue();
    }

    @AfterAll
    static void tearDown() {
        chain.close();
    }

    private static Cell increment(long by) {
        return CellBuilder.beginCell().storeUint(OP_INCREMENT, 32).storeUint(0, 64).storeUint(by, 32)
                .endCell();
    }

    private static long counterValue() {
        return chain.runGetMethod(counter, "get_counter", List.of()).get(0).asLong();
    }

    @Test
    void fundedWalletsAreRealDeployedWalletsAndFundingIsIdempotent() {
        WalletV4 w = chain.fundedWallet("lc-funded");
        AccountState s = chain.account(w.address());
        assertThat(s.isActive()).isTrue();
        assertThat(s.codeHash().orElseThrow().hex())
                .isEqualTo("feb5ff6820e2ff0d9483e7e0d62c817d846789fb4ae580c878866d959dabd5c0");
        List<ChainTransaction> history = chain.transactions(w.address(), 10);
        assertThat(history).hasSize(1);
        assertThat(history.get(0).inMessage().orElseThrow().source()).contains(Address.of("0:" + "0".repeat(64)));
        assertThat(s.balance()).isEqualTo(LocalChain.DEFAULT_FUNDING.subtract(history.get(0).totalFees()));
        int txs = history.size();
        assertThat(chain.fundedWallet("lc-funded").address()).isEqualTo(w.address());
        assertThat(chain.transactions(w.address(), 10)).hasSize(txs);
        // The funding is the only free money: a transfer costs the sender value plus fees.
        WalletV4 other = chain.fundedWallet("lc-other");
        BigInteger before = w.balance();
        BigInteger otherBefore = other.balance();
        Trace t = w.send(new Transfer(other.address(), ton("3"), false, null, null, Transfer.DEFAULT_MODE));
        assertThat(t.allSucceeded()).isTrue();
        assertThat(before.subtract(w.balance())).isGreaterThan(ton("3"));
        assertThat(other.balance()).isEqualTo(otherBefore.add(ton("3")).subtract(
                t.first(other.address()).orElseThrow().totalFees()));
    }

    @Test
    void queueRunsToCompletionInLtOrderWithBounces() {
        Address nowhere = Address.of("0:" + "11".repeat(32));
        Trace t = alice.send(Transfer.of(nowhere, ton("0.3"), null));
        assertThat(t.transactions()).hasSize(3);
        List<BigInteger> lts = t.transactions().stream().map(ChainTransaction::lt).toList();
        assertThat(lts).isSorted();
        assertThat(lts.get(1).subtract(lts.get(0))).isEqualTo(BigInteger.valueOf(LocalChain.LT_STEP));
        ChainTransaction atNowhere = t.transactions().get(1);
        assertThat(atNowhere.compute()).isInstanceOf(ChainTransaction.ComputePhase.Skipped.class);
        assertThat(atNowhere.bounced()).isTrue();
        assertThat(t.transactions().get(2).inMessage().orElseThrow().bounced()).isTrue();
        assertThat(chain.account(nowhere).status()).isNotEqualTo(AccountState.Status.ACTIVE);
        assertThat(chain.account(nowhere).balance()).isZero();
    }

    @Test
    void snapshotsRestoreAccountsHistoryAndTime() {
        long before = counterValue();
        LocalChain.Snapshot snap = chain.snapshot();
        int txsBefore = chain.transactions(counter, 1000).size();
        alice.send(Transfer.of(counter, ton("0.05"), increment(10)));
        chain.advanceTime(500);
        assertThat(counterValue()).isEqualTo(before + 10);
        chain.restore(snap);
        assertThat(counterValue()).isEqualTo(before);
        assertThat(chain.transactions(counter, 1000)).hasSize(txsBefore);
        assertThat(chain.lt()).isEqualTo(snap.lt());
        // The chain goes on from the snapshot, with the wallet's old seqno.
        assertThat(alice.send(Transfer.of(counter, ton("0.05"), increment(1))).allSucceeded()).isTrue();
        assertThat(counterValue()).isEqualTo(before + 1);
        assertThat(chain.transactions(counter, 1000)).hasSize(txsBefore + 1);
    }

    @Test
    void controllableTimeReachesContracts() {
        chain.advanceTime(1000);
        long now = chain.now();
        // The counter refuses an external message that expired a second ago.
        Ed25519Keys signer = Ed25519Keys.fromName("lc-signer");
        long seqno = chain.runGetMethod(counter, "get_seqno", List.of()).get(0).asLong();
        Cell signed = CellBuilder.beginCell().storeAddress(counter).storeUint(now - 1, 32).storeUint(seqno, 32)
                .storeUint(OP_EXT_INCREMENT, 32).storeUint(1, 32).endCell();
        Cell body = CellBuilder.beginCell().storeBytes(signer.sign(signed.getHash())).storeCell(signed).endCell();
        assertThatThrownBy(() -> chain.sendExternal(counter, null, body))
                .isInstanceOf(MessageRejectedException.class)
                .satisfies(e -> assertThat(((MessageRejectedException) e).exitCode()).isEqualTo(1005));
        assertThatThrownBy(() -> chain.advanceTime(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badInputIsTypedAndLeavesTheChainWorking() {
        long value = counterValue();
        AccountState walletBefore = chain.account(alice.address());
        // A cell that is no message at all.
        assertThatThrownBy(() -> chain.sendExternal(CellBuilder.beginCell().storeUint(1, 3).endCell()))
                .isInstanceOf(MalformedMessageException.class);
        // An internal message where an external one is required.
        assertThatThrownBy(() -> chain.sendExternal(
                Messages.internalRelaxed(counter, ton("1"), true, null, null)))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("INTERNAL");
        // A wallet message with a wrong signature: rejected by the wallet code, exit 35.
        Cell forged = new WalletV4(chain, Ed25519Keys.fromName("mallory"))
                .signedBody(List.of(Transfer.of(counter, ton("1"), null)), alice.seqno(), chain.now() + 60);
        assertThatThrownBy(() -> chain.sendExternal(alice.address(), null, forged))
                .isInstanceOf(MessageRejectedException.class)
                .satisfies(e -> assertThat(((MessageRejectedException) e).exitCode()).isEqualTo(35));
        // An external message to an address with no code and no StateInit: rejected, no VM exit code.
        assertThatThrownBy(() -> chain.sendExternal(Address.of("0:" + "22".repeat(32)), null,
                CellBuilder.beginCell().storeUint(1, 32).endCell()))
                .isInstanceOf(MessageRejectedException.class);
        // Bytes that are no BoC, and a StateInit that does not belong to the destination address.
        assertThatThrownBy(() -> chain.sendExternalBoc(new byte[] {1, 2, 3, 4, 5}))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("BoC");
        assertThatThrownBy(() -> chain.sendExternal(Address.of("0:" + "44".repeat(32)),
                new WalletV4(chain, Ed25519Keys.fromName("lc-unrelated")).stateInit(), forged))
                .isInstanceOf(MessageRejectedException.class);
        // Get-methods on an absent account, a missing method, a malformed argument stack.
        assertThatThrownBy(() -> chain.runGetMethod(Address.of("0:" + "33".repeat(32)), "seqno", List.of()))
                .isInstanceOf(AccountNotFoundException.class).hasMessageContaining("never used");
        assertThatThrownBy(() -> chain.runGetMethod(counter, "nope", List.of()))
                .isInstanceOf(GetMethodException.class)
                .satisfies(e -> assertThat(((GetMethodException) e).exitCode()).isEqualTo(11));
        assertThatThrownBy(() -> chain.runGetMethod(alice.address(), "is_plugin_installed", List.of()))
                .isInstanceOf(GetMethodException.class);
        assertThat(chain.account(alice.address()).balance()).isEqualTo(walletBefore.balance());
        assertThat(counterValue()).isEqualTo(value);
        assertThat(alice.send(Transfer.of(counter, ton("0.05"), increment(2))).allSucceeded()).isTrue();
        assertThat(counterValue()).isEqualTo(value + 2);
    }

    @Test
    void oneChainServesManyThreads() throws Exception {
        int threads = 4;
        int perThread = 3;
        List<WalletV4> wallets = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            wallets.add(chain.fundedWallet("lc-thread-" + i));
        }
        long before = counterValue();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (WalletV4 w : wallets) {
                futures.add(pool.submit(() -> {
                    for (int k = 0; k < perThread; k++) {
                        assertThat(w.send(Transfer.of(counter, ton("0.05"), increment(1))).allSucceeded()).isTrue();
                    }
                    return null;
                }));
            }
            futures.add(pool.submit(() -> {
                for (int k = 0; k < 10; k++) {
                    AccountState s = chain.account(counter);
                    assertThat(s.isActive()).isTrue();
                    assertThat(counterValue()).isBetween(before, before + threads * perThread);
                }
                return null;
            }));
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(counterValue()).isEqualTo(before + threads * perThread);
        for (WalletV4 w : wallets) {
            assertThat(w.seqno()).isEqualTo(perThread + 0L);
        }
    }
}
