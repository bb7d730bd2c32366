package io.cocoon4j.wrappers;

import static io.cocoon4j.chain.Transfer.ton;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.LocalChain;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.WalletV4;
import io.cocoon4j.chain.emulator.TvmEmulator;
import io.cocoon4j.contracts.Contracts;
import io.cocoon4j.tlb.runtime.Bits;
import io.cocoon4j.tlb.runtime.MsgAddress;
import io.cocoon4j.tlb.runtime.TlbDecodeException;
import io.cocoon4j.wrappers.counter.CounterContract;
import io.cocoon4j.wrappers.counter.CounterExtAction;
import io.cocoon4j.wrappers.counter.CounterExternal;
import io.cocoon4j.wrappers.counter.CounterMsg;
import io.cocoon4j.wrappers.counter.CounterReply;
import io.cocoon4j.wrappers.counter.CounterSigned;
import io.cocoon4j.wrappers.counter.CounterStorage;
import java.math.BigInteger;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ton.ton4j.cell.Cell;

/** The generated counter client against the real counter code on LocalChain (the official TON emulator). */
class CounterContractTest {
    private static LocalChain chain;
    private static WalletV4 alice;
    private static WalletV4 bob;
    private static final Ed25519Keys SIGNER = Ed25519Keys.fromName("counter-client-signer");

    @BeforeAll
    static void start() {
        chain = LocalChain.on(TvmEmulator.shared());
        alice = chain.fundedWallet("alice");
        bob = chain.fundedWallet("bob");
    }

    @AfterAll
    static void stop() {
        chain.close();
    }

    private static CounterStorage initial(long id) {
        return new CounterStorage(MsgAddress.of(alice.address()), Bits.of(SIGNER.publicKey().bytes()), 0, id,
                BigInteger.ZERO);
    }

    private static ChainTransaction txOn(io.cocoon4j.chain.Trace trace, CounterContract c) {
        return trace.first(c.address()).orElseThrow();
    }

    @Test
    void deploysAtTheDerivedAddressAndReadsItsStorageAndGetters() {
        CounterStorage init = initial(7);
        CounterContract counter = CounterContract.deploy(chain, alice, init, ton("0.5"));

        assertThat(counter.address().toRaw()).isEqualTo(CounterContract.addressOf(init).toRaw());
        assertThat(chain.account(counter.address()).codeHash().orElseThrow().hex())
                .isEqualTo(Contracts.load("counter").codeHash());
        assertThat(counter.storage()).isEqualTo(init);
        assertThat(counter.getCounter()).isZero();
        assertThat(counter.getOwner()).isEqualTo(MsgAddress.of(alice.address()));
        assertThat(counter.getOwner().toAddress().orElseThrow().toRaw()).isEqualTo(alice.address().toRaw());
        assertThat(counter.getSeqno()).isZero();
        assertThat(counter.getId()).isEqualTo(7);
        assertThat(counter.getPublicKey()).isEqualTo(new BigInteger(1, SIGNER.publicKey().bytes()));
        assertThat(counter.balance()).isPositive();
    }

    @Test
    void everyInboundMessageHasATypedSendAndTheChainSeesExactlyThatBody() {
        CounterContract counter = CounterContract.deploy(chain, alice, initial(8), ton("0.5"));

        CounterContract.Sent sent = counter.sendIncrement(bob, ton("0.05"), 5);
        ChainTransaction tx = txOn(sent.trace(), counter);
        assertThat(tx.exitCode()).contains(0);
        assertThat(CounterMsg.fromCell(tx.inMessage().orElseThrow().body()))
                .isEqualTo(new CounterMsg.Increment(BigInteger.valueOf(sent.queryId()), 5));
        assertThat(counter.getCounter()).isEqualTo(5);
        assertThat(counter.storage().counter()).isEqualTo(5);

        // only the owner may reset: error 1001, the message bounces, nothing changes
        CounterContract.Sent denied = counter.sendReset(bob, ton("0.05"));
        assertThat(txOn(denied.trace(), counter).exitCode()).contains(1001);
        assertThat(counter.getCounter()).isEqualTo(5);
        assertThat(counter.sendReset(alice, ton("0.05")).trace().allSucceeded()).isTrue();
        assertThat(counter.getCounter()).isZero();

        // withdraw answers the owner with `withdrawn` carrying the same query id
        CounterContract.Sent withdraw = counter.sendWithdraw(alice, ton("0.05"), ton("0.1"));
        ChainTransaction w = txOn(withdraw.trace(), counter);
        assertThat(w.exitCode()).contains(0);
        assertThat(w.outMessages()).hasSize(1);
        assertThat(CounterReply.fromCell(w.outMessages().get(0).body()))
                .isEqualTo(new CounterReply(BigInteger.valueOf(withdraw.queryId())));
        assertThat(withdraw.queryId()).isNotEqualTo(sent.queryId());

        // out of gas on purpose: a bounceable message with little value
        CounterContract.Sent burn = counter.sendBurnGas(alice, ton("0.01"), 1_000_000);
        assertThat(txOn(burn.trace(), counter).exitCode()).contains(-14);
    }

    @Test
    void signedExternalMessagesAreBuiltFromTheSchemaTypes() {
        CounterContract counter = CounterContract.deploy(chain, alice, initial(9), ton("0.5"));
        CounterSigned signed = new CounterSigned(MsgAddress.of(counter.address()), chain.now() + 60, 0,
                new CounterExtAction.ExtIncrement(3));
        Cell toSign = signed.toCell();
        CounterExternal ext = new CounterExternal(Bits.of(SIGNER.sign(toSign.getHash())), signed);

        assertThat(counter.sendExternal(ext).allSucceeded()).isTrue();
        assertThat(counter.getCounter()).isEqualTo(3);
        assertThat(counter.getSeqno()).isEqualTo(1);

        // a replay (seqno 0 again) is rejected before the contract accepts it
        assertThatThrownBy(() -> counter.sendExternal(ext)).isInstanceOf(MessageRejectedException.class);
        assertThat(counter.getCounter()).isEqualTo(3);
    }

    @Test
    void aContractThatIsNotThereIsATypedError() {
        CounterContract ghost = new CounterContract(chain, CounterContract.addressOf(initial(4242)));
        assertThatThrownBy(ghost::storage).isInstanceOf(ContractDeployException.class)
                .hasMessageContaining("is not active");
        // storage that is not a CounterStorage: the decoding error names type and field
        Cell bad = new Cell();
        assertThatThrownBy(() -> CounterStorage.fromCell(bad)).isInstanceOfSatisfying(TlbDecodeException.class,
                e -> assertThat(e.path()).isEqualTo("CounterStorage.counter_storage.owner"));
        assertThat(HexFormat.of().formatHex(CounterContract.code().getHash()))
                .isEqualTo(Contracts.load("counter").codeHash());
    }
}
