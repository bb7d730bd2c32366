package io.cocoon4j.network.wallet;

import io.cocoon4j.chain.Ed25519Keys;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.Transfer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;

/**
 * The standard wallet v5r1 (W5) of a key: its StateInit and address, and the signed external
 * request ({@code signed_request} with op {@code sign}, the signature in the last 512 bits) that
 * sends up to 255 transfers as an out-action list.
 *
 * @param keys the owner's key
 * @param walletId the wallet id stored in its data; {@link #walletId(int, int, int)} computes the standard one
 */
public record WalletV5(Ed25519Keys keys, long walletId) {
    private static final Cell CODE = loadCode();
    private static final long OP_SIGNED_EXTERNAL = 0x7369676eL;
    private static final long ACTION_SEND_MSG = 0x0ec3c86dL;

    /** The network global ids wallet ids are derived from. */
    public static final int MAINNET_GLOBAL_ID = -239;
    public static final int TESTNET_GLOBAL_ID = -3;

    /** The wallet v5r1 code cell. */
    public static Cell code() {
        return CODE;
    }

    /**
     * The standard wallet id of a client wallet: the network's global id XOR the context
     * {@code 1 << 31 | (workchain & 0xff) << 23 | version 0 << 15 | subwallet & 0x7fff}, as 32 unsigned bits.
     */
    public static long walletId(int networkGlobalId, int workchain, int subwallet) {
        long context = (1L << 31) | ((long) (workchain & 0xff) << 23) | (subwallet & 0x7fff);
        return (networkGlobalId ^ context) & 0xFFFF_FFFFL;
    }

    /** Initial data: signatures allowed, seqno 0, wallet id, public key, no extensions. */
    public Cell initialData() {
        return initialData(keys.publicKey().bytes(), walletId);
    }

    /** The initial data of the wallet of {@code publicKey} with {@code walletId}. */
    public static Cell initialData(byte[] publicKey, long walletId) {
        return CellBuilder.beginCell()
                .storeBit(true)
                .storeUint(0, 32)
                .storeUint(walletId, 32)
                .storeBytes(publicKey)
                .storeBit(false)
                .endCell();
    }

    public StateInit stateInit() {
        return Messages.stateInit(CODE, initialData());
    }

    public Address address() {
        return Messages.addressOf(stateInit(), 0);
    }

    /**
     * The signed body: {@code 0x7369676e wallet_id valid_until seqno (Maybe ^OutList) 0} then the
     * signature of that cell's hash. Every transfer must allow errors to be ignored (mode has +2), as
     * v5r1 requires of external requests.
     */
    public Cell signedBody(List<Transfer> transfers, long seqno, long validUntil) {
        if (transfers.size() > 255) {
            throw new IllegalArgumentException("a wallet v5 request carries at most 255 transfers, not " + transfers.size());
        }
        Cell actions = CellBuilder.beginCell().endCell();
        for (Transfer t : transfers) {
            if ((t.sendMode() & 2) == 0) {
                throw new IllegalArgumentException("wallet v5 refuses external requests whose send mode lacks +2 "
                        + "(ignore errors); got mode " + t.sendMode());
            }
            actions = CellBuilder.beginCell()
                    .storeRef(actions)
                    .storeUint(ACTION_SEND_MSG, 32)
                    .storeUint(t.sendMode(), 8)
                    .storeRef(Messages.internalRelaxed(t.to(), t.value(), t.bounce(), t.init(), t.body()))
                    .endCell();
        }
        CellBuilder unsigned = CellBuilder.beginCell()
                .storeUint(OP_SIGNED_EXTERNAL, 32)
                .storeUint(walletId, 32)
                .storeUint(validUntil, 32)
                .storeUint(seqno, 32);
        if (transfers.isEmpty()) {
            unsigned.storeBit(false);
        } else {
            unsigned.storeBit(true).storeRef(actions);
        }
        Cell toSign = unsigned.storeBit(false).endCell();
        return CellBuilder.beginCell().storeCell(toSign).storeBytes(keys.sign(toSign.getHash())).endCell();
    }

    private static Cell loadCode() {
        try (InputStream in = WalletV5.class.getResourceAsStream("wallet-v5r1.boc.hex")) {
            if (in == null) {
                throw new IllegalStateException("wallet-v5r1.boc.hex is missing from the network module's resources");
            }
            return Cell.fromBoc(new String(in.readAllBytes(), StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
