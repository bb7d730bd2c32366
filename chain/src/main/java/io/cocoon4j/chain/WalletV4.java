package io.cocoon4j.chain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.StateInit;

/**
 * The standard wallet v4r2 contract (code hash {@code feb5ff68…d5c0}) driven by an Ed25519 key: it
 * reads its seqno from the chain, signs an external message carrying up to four transfers and sends
 * it. When the wallet is not deployed yet, the first message carries its StateInit.
 *
 * <p>Not thread-safe on its own: two threads sending from one wallet race on the seqno; use one
 * wallet per thread or synchronise outside.
 */
public final class WalletV4 implements Sender {
    /** The default subwallet id of workchain-0 wallets (698983191). */
    public static final long DEFAULT_SUBWALLET_ID = 698983191L;
    /** How long a signed message stays valid, in seconds after the chain's {@code now}. */
    public static final long VALIDITY_SECONDS = 60;

    private static final Cell CODE = loadCode();

    private final TonChain chain;
    private final Ed25519Keys keys;
    private final long subwalletId;
    private final StateInit init;
    private final Address address;

    public WalletV4(TonChain chain, Ed25519Keys keys, long subwalletId) {
        this.chain = chain;
        this.keys = keys;
        this.subwalletId = subwalletId;
        this.init = Messages.stateInit(CODE, initialData(keys, subwalletId));
        this.address = Messages.addressOf(init, 0);
    }

    public WalletV4(TonChain chain, Ed25519Keys keys) {
        this(chain, keys, DEFAULT_SUBWALLET_ID);
    }

    /** The wallet v4r2 code cell. */
    public static Cell code() {
        return CODE;
    }

    /** Initial data: seqno 0, subwallet id, public key, no plugins. */
    public static Cell initialData(Ed25519Keys keys, long subwalletId) {
        return CellBuilder.beginCell()
                .storeUint(0, 32)
                .storeUint(subwalletId, 32)
                .storeBytes(keys.publicKey().bytes())
                .storeBit(false)
                .endCell();
    }

    @Override
    public Address address() {
        return address;
    }

    public StateInit stateInit() {
        return init;
    }

    public Ed25519Keys keys() {
        return keys;
    }

    /**
     * The wallet's seqno: 0 before deployment, otherwise the first 32 bits of its data (where
     * wallet v4 keeps it; the same value its {@code seqno} get-method returns, without running the VM).
     */
    public long seqno() {
        return seqno(chain.account(address));
    }

    private long seqno(AccountState state) {
        if (!state.isActive()) {
            return 0;
        }
        Cell data = state.data().orElseThrow();
        if (data.getBitLength() < 32) {
            throw new IllegalStateException("account " + address.toRaw() + " does not hold wallet v4 data");
        }
        return CellSlice.beginParse(data).preloadUint(32).longValue();
    }

    public BigInteger balance() {
        return chain.account(address).balance();
    }

    @Override
    public Trace send(List<Transfer> transfers) {
        AccountState state = chain.account(address);
        Cell body = signedBody(transfers, seqno(state), chain.now() + VALIDITY_SECONDS);
        return chain.sendExternal(address, state.isActive() ? null : init, body);
    }

    /**
     * The signed external body: signature over the hash of
     * {@code subwallet_id:32 valid_until:32 seqno:32 op:8=0 (mode:8 ^MessageRelaxed)*}.
     */
    public Cell signedBody(List<Transfer> transfers, long seqno, long validUntil) {
        if (transfers.isEmpty() || transfers.size() > 4) {
            throw new IllegalArgumentException("a wallet v4 message carries 1 to 4 transfers, not " + transfers.size());
        }
        CellBuilder unsigned = CellBuilder.beginCell()
                .storeUint(subwalletId, 32)
                .storeUint(validUntil, 32)
                .storeUint(seqno, 32)
                .storeUint(0, 8);
        for (Transfer t : transfers) {
            unsigned.storeUint(t.sendMode(), 8);
            unsigned.storeRef(Messages.internalRelaxed(t.to(), t.value(), t.bounce(), t.init(), t.body()));
        }
        Cell toSign = unsigned.endCell();
        return CellBuilder.beginCell()
                .storeBytes(keys.sign(toSign.getHash()))
                .storeCell(toSign)
                .endCell();
    }

    private static Cell loadCode() {
        try (InputStream in = WalletV4.class.getResourceAsStream("wallet-v4r2.boc.hex")) {
            if (in == null) {
                throw new IllegalStateException("wallet-v4r2.boc.hex is missing from the chain module's resources");
            }
            return Cell.fromBoc(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
