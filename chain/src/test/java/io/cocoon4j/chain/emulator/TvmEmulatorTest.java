package io.cocoon4j.chain.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

class TvmEmulatorTest {

    private static final long ONE_TON = 1_000_000_000L;
    private static final Address DESTINATION =
            Address.of("0:" + "ab".repeat(32));

    private final TvmEmulator emulator = TvmEmulator.shared();

    @Test
    void deploysAWalletThenTransfersAndSeqnoCountsUp() {
        WalletFixture fixture = new WalletFixture(1);
        String account = WalletFixture.uninitAccount(fixture.address(), 2 * ONE_TON);

        TransactionResult deploy = emulator.emulateTransaction(account, fixture.deployMessage(),
                TransactionParams.of(WalletFixture.UTIME, 1_000));
        assertThat(deploy).isInstanceOf(TransactionResult.Success.class);
        String deployed = ((TransactionResult.Success) deploy).shardAccountBoc();
        assertThat(seqno(fixture, deployed)).isEqualTo(1);

        TransactionResult transfer = emulator.emulateTransaction(deployed,
                fixture.transferMessage(1, DESTINATION, ONE_TON / 2),
                TransactionParams.of(WalletFixture.UTIME + 10, 2_000));
        assertThat(transfer).isInstanceOf(TransactionResult.Success.class);
        TransactionResult.Success sent = (TransactionResult.Success) transfer;
        assertThat(sent.actionsBoc()).isPresent();
        assertThat(Cell.fromBocBase64(sent.transactionBoc()).getRefs()).isNotEmpty();
        assertThat(seqno(fixture, sent.shardAccountBoc())).isEqualTo(2);
    }

    @Test
    void aWalletRejectsAReplayedSeqnoWithItsExitCode() {
        WalletFixture fixture = new WalletFixture(2);
        String account = WalletFixture.uninitAccount(fixture.address(), 2 * ONE_TON);
        String deployed = ((TransactionResult.Success) emulator.emulateTransaction(account, fixture.deployMessage(),
                TransactionParams.of(WalletFixture.UTIME, 1_000))).shardAccountBoc();

        TransactionResult replay = emulator.emulateTransaction(deployed,
                fixture.transferMessage(0, DESTINATION, ONE_TON), TransactionParams.of(WalletFixture.UTIME + 1, 2_000));

        assertThat(replay).isInstanceOf(TransactionResult.Failure.class);
        TransactionResult.Failure failure = (TransactionResult.Failure) replay;
        assertThat(failure.vmExitCode()).hasValue(33); // wallet v4: throw_unless(33, msg_seqno == stored_seqno)
        assertThat(failure.error()).containsIgnoringCase("not accepted");
    }

    @Test
    void theSharedEmulatorIsOnePerJvmAndOutlivesClose() {
        TvmEmulator shared = TvmEmulator.shared();
        shared.close();
        assertThat(TvmEmulator.shared()).isSameAs(shared);
        assertThat(shared.version()).contains("emulatorLibCommitHash");
    }

    @Test
    void anUnknownGetMethodExitsWith11() {
        WalletFixture fixture = new WalletFixture(3);
        GetMethodResult result = emulator.runGetMethod(GetMethodParams.of(fixture.codeBoc(), fixture.dataBoc(),
                fixture.address().toRaw(), "no_such_method", WalletFixture.UTIME), WalletFixture.emptyStack());
        assertThat(result.exitCode()).isEqualTo(11);
        assertThat(result.success()).isFalse();
    }

    @Test
    void malformedBocIsATypedErrorAndTheEmulatorStaysUsable() {
        WalletFixture fixture = new WalletFixture(4);
        assertThatThrownBy(() -> emulator.emulateTransaction("not a boc", fixture.deployMessage(),
                TransactionParams.of(WalletFixture.UTIME, 1_000)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("shard account");
        assertThatThrownBy(() -> emulator.emulateTransaction(WalletFixture.emptyStack(), fixture.deployMessage(),
                TransactionParams.of(WalletFixture.UTIME, 1_000)))
                .isInstanceOf(EmulatorException.class);
        assertThatThrownBy(() -> emulator.runGetMethod(GetMethodParams.of(fixture.codeBoc(), fixture.dataBoc(),
                fixture.address().toRaw(), "seqno", WalletFixture.UTIME), "te6cc"))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("stack");

        assertDeploys(fixture);
    }

    @Test
    void aTrapInsideTheWasmIsATypedErrorAndTheNextCallWorks() {
        // A string pointer far past the end of linear memory: a genuine out-of-bounds trap in the WASM.
        assertThatThrownBy(() -> emulator.withInstance(wasm -> wasm.callRaw("_run_get_method", 0x7FFF_FFF0L, 0, 0)))
                .isInstanceOf(EmulatorException.class)
                .hasMessageContaining("trapped");

        assertDeploys(new WalletFixture(5));
    }

    @Test
    void callsFromManyThreadsAreSerialisedAndCorrect() throws Exception {
        WalletFixture fixture = new WalletFixture(6);
        GetMethodParams seqno = GetMethodParams.of(fixture.codeBoc(), fixture.dataBoc(), fixture.address().toRaw(),
                "seqno", WalletFixture.UTIME);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<GetMethodResult>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> emulator.runGetMethod(seqno, WalletFixture.emptyStack())));
            }
            for (java.util.concurrent.Future<GetMethodResult> result : results) {
                GetMethodResult r = result.get();
                assertThat(r.exitCode()).isZero();
                assertThat(WalletFixture.topInt(r.stackBoc())).isEqualTo(BigInteger.ZERO);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void workersRunCallsInParallelWithIdenticalResults() throws Exception {
        WalletFixture fixture = new WalletFixture(7);
        String account = WalletFixture.uninitAccount(fixture.address(), ONE_TON);
        String deploy = fixture.deployMessage();
        try (TvmEmulator parallel = TvmEmulator.create(TvmEmulator.slimConfig(), TvmEmulator.slimConfig(),
                Verbosity.SHORT, 2)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                java.util.List<java.util.concurrent.Future<TransactionResult>> results = new java.util.ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    results.add(pool.submit(() -> parallel.emulateTransaction(account, deploy,
                            TransactionParams.of(WalletFixture.UTIME, 1_000))));
                }
                java.util.Set<String> transactions = new java.util.HashSet<>();
                for (java.util.concurrent.Future<TransactionResult> result : results) {
                    assertThat(result.get()).isInstanceOf(TransactionResult.Success.class);
                    transactions.add(((TransactionResult.Success) result.get()).transactionBoc());
                }
                assertThat(transactions).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aClosedEmulatorSaysSo() {
        TvmEmulator closed = TvmEmulator.create(TvmEmulator.slimConfig(), Verbosity.SHORT);
        closed.close();
        assertThatThrownBy(closed::version).isInstanceOf(EmulatorException.class).hasMessageContaining("closed");
    }

    @Test
    void badParametersAreRejectedBeforeReachingTheEmulator() {
        assertThatThrownBy(() -> TransactionParams.of(WalletFixture.UTIME, 1).withRandomSeed(new byte[3]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionParams.of(-1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GetMethodParams.of("", "", "0:00", 1, 0).withGasLimit(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TvmEmulator.create(TvmEmulator.slimConfig(), TvmEmulator.slimConfig(),
                Verbosity.SHORT, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportsTheEmulatorBuild() {
        assertThat(emulator.version()).contains("f801e1c1");
    }

    private void assertDeploys(WalletFixture fixture) {
        String account = WalletFixture.uninitAccount(fixture.address(), ONE_TON);
        TransactionResult deploy = emulator.emulateTransaction(account, fixture.deployMessage(),
                TransactionParams.of(WalletFixture.UTIME, 1_000));
        assertThat(deploy).isInstanceOf(TransactionResult.Success.class);
        assertThat(seqno(fixture, ((TransactionResult.Success) deploy).shardAccountBoc())).isEqualTo(1);
    }

    @Test
    void methodIdsAreFuncs() {
        assertThat(GetMethodParams.methodId("seqno")).isEqualTo(85143);
        assertThat(GetMethodParams.methodId("get_public_key")).isEqualTo(78748);
    }

    private long seqno(WalletFixture fixture, String shardAccountBoc) {
        StateOfAccount state = StateOfAccount.of(shardAccountBoc);
        GetMethodResult result = emulator.runGetMethod(GetMethodParams.of(state.codeBoc(), state.dataBoc(),
                fixture.address().toRaw(), "seqno", WalletFixture.UTIME).withBalance(BigInteger.ONE),
                WalletFixture.emptyStack());
        assertThat(result.exitCode()).isZero();
        return WalletFixture.topInt(result.stackBoc()).longValueExact();
    }
}
