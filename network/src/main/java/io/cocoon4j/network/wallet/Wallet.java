package io.cocoon4j.network.wallet;

import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.Sender;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.Transfer;
import io.cocoon4j.chain.WalletV4;
import java.math.BigInteger;
import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.tlb.StateInit;

/**
 * A standard wallet (v5r1 or v4r2) of a key on any {@link TonChain}: reads its seqno, signs once,
 * sends, and handles the seqno race. When its message is rejected because another message of the
 * same wallet took the seqno first (the stored seqno moved on, so the signed message can never
 * land), it signs again with the new seqno, at most {@link #SEQNO_RETRIES} times. A message that
 * was only lost in transit is never re-signed: the chain resends the same bytes (see the network
 * chain), so one transfer is never paid twice.
 *
 * <p>One thread per wallet; a wallet is cheap to create.
 */
public final class Wallet implements Sender {
    /** How long a signed message stays valid after the chain's {@code now}, in seconds. */
    public static final long VALIDITY_SECONDS = 120;
    /** Re-signings after losing a seqno race. */
    public static final int SEQNO_RETRIES = 3;

    private final TonChain chain;
    private final WalletKind kind;
    private final Ed25519Keys keys;
    private final WalletV5 v5;
    private final WalletV4 v4;
    private final Address address;

    /**
     * @param networkGlobalId the network's global id ({@link WalletV5#MAINNET_GLOBAL_ID} for mainnet and the
     *     local network, {@link WalletV5#TESTNET_GLOBAL_ID} for testnet); v5r1 derives its wallet id from it
     */
    public Wallet(TonChain chain, WalletKind kind, Ed25519Keys keys, int networkGlobalId) {
        this.chain = chain;
        this.kind = kind;
        this.keys = keys;
        if (kind == WalletKind.V5R1) {
            this.v5 = new WalletV5(keys, WalletV5.walletId(networkGlobalId, 0, 0));
            this.v4 = null;
            this.address = v5.address();
        } else {
            this.v5 = null;
            this.v4 = new WalletV4(chain, keys);
            this.address = v4.address();
        }
    }

    /** The address of {@code kind}'s wallet for {@code keys} on the network with {@code networkGlobalId}. */
    public static Address addressOf(WalletKind kind, Ed25519Keys keys, int networkGlobalId) {
        return addressOf(kind, keys.publicKey().bytes(), networkGlobalId);
    }

    /** As {@link #addressOf(WalletKind, Ed25519Keys, int)} from the public key alone (no secret needed). */
    public static Address addressOf(WalletKind kind, byte[] publicKey, int networkGlobalId) {
        Cell data = kind == WalletKind.V5R1
                ? WalletV5.initialData(publicKey, WalletV5.walletId(networkGlobalId, 0, 0))
                : org.ton.ton4j.cell.CellBuilder.beginCell() // wallet v4r2: seqno 0, subwallet id, key, no plugins
                        .storeUint(0, 32).storeUint(WalletV4.DEFAULT_SUBWALLET_ID, 32).storeBytes(publicKey).storeBit(false)
                        .endCell();
        return Messages.addressOf(Messages.stateInit(kind.code(), data), 0);
    }

    public WalletKind kind() {
        return kind;
    }

    @Override
    public Address address() {
        return address;
    }

    public StateInit stateInit() {
        return kind == WalletKind.V5R1 ? v5.stateInit() : v4.stateInit();
    }

    public BigInteger balance() {
        return chain.account(address).balance();
    }

    /** The stored seqno: 0 before deployment (v5r1 keeps it after a flag bit, v4r2 in the first 32 bits). */
    public long seqno() {
        return seqno(chain.account(address));
    }

    private long seqno(AccountState state) {
        if (!state.isActive()) {
            return 0;
        }
        CellSlice cs = CellSlice.beginParse(state.data().orElseThrow());
        if (kind == WalletKind.V5R1) {
            cs.loadBit();
        }
        return cs.loadUint(32).longValue();
    }

    /** The external message that carries {@code transfers} with {@code seqno}, deploying the wallet when needed. */
    public Cell externalMessage(List<Transfer> transfers, long seqno, long validUntil, boolean deploy) {
        Cell body = kind == WalletKind.V5R1 ? v5.signedBody(transfers, seqno, validUntil)
                : v4.signedBody(transfers, seqno, validUntil);
        return Messages.externalIn(address, deploy ? stateInit() : null, body);
    }

    /** The next message this wallet would send for {@code transfers} (for pre-flight emulation). */
    public Cell nextMessage(List<Transfer> transfers) {
        AccountState state = chain.account(address);
        return externalMessage(transfers, seqno(state), chain.now() + VALIDITY_SECONDS, !state.isActive());
    }

    @Override
    public Trace send(List<Transfer> transfers) {
        for (int attempt = 0; ; attempt++) {
            AccountState state = chain.account(address);
            long seqno = seqno(state);
            Cell msg = externalMessage(transfers, seqno, chain.now() + VALIDITY_SECONDS, !state.isActive());
            try {
                return chain.sendExternal(msg);
            } catch (MessageRejectedException e) {
                long now = seqno(chain.account(address));
                if (now == seqno || attempt >= SEQNO_RETRIES) {
                    throw e;
                }
                // Another message of this wallet took seqno `seqno`: ours can never land; sign again.
            }
        }
    }

    /** The key, for callers that sign other things with it. */
    public Ed25519Keys keys() {
        return keys;
    }
}
