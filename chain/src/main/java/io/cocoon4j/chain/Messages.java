package io.cocoon4j.chain;

import java.math.BigInteger;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.tlb.StateInit;

/**
 * Encodes the messages cocoon4j sends, in the exact layout the reference tooling (@ton/core) uses,
 * so that the same message built in Java and in JavaScript has the same hash: a StateInit or body
 * goes inline when it fits in the message cell and into a reference otherwise.
 */
public final class Messages {
    private Messages() {}

    private static final Cell EMPTY = CellBuilder.beginCell().endCell();

    /** {@code ext_in_msg_info$10 src:addr_none dest import_fee:0}, optional init, body. */
    public static Cell externalIn(Address destination, StateInit init, Cell body) {
        CellBuilder b = CellBuilder.beginCell()
                .storeUint(0b10, 2)
                .storeUint(0, 2) // src: addr_none
                .storeAddress(destination)
                .storeCoins(BigInteger.ZERO);
        return appendInitAndBody(b, init, body == null ? EMPTY : body).endCell();
    }

    /**
     * An internal message as a wallet puts it in its out action ({@code MessageRelaxed}): source
     * addr_none (the VM fills it in), IHR disabled, zero fees and times.
     */
    public static Cell internalRelaxed(Address destination, BigInteger value, boolean bounce, StateInit init, Cell body) {
        CellBuilder b = CellBuilder.beginCell()
                .storeBit(false) // int_msg_info$0
                .storeBit(true) // ihr_disabled
                .storeBit(bounce)
                .storeBit(false) // bounced
                .storeUint(0, 2) // src: addr_none
                .storeAddress(destination)
                .storeCoins(value)
                .storeBit(false) // no extra currencies
                .storeCoins(BigInteger.ZERO) // ihr_fee
                .storeCoins(BigInteger.ZERO) // fwd_fee
                .storeUint(0, 64) // created_lt
                .storeUint(0, 32); // created_at
        return appendInitAndBody(b, init, body == null ? EMPTY : body).endCell();
    }

    /** The standard StateInit cell: no split depth, no tick-tock, code, data, no libraries. */
    public static Cell stateInitCell(StateInit init) {
        return CellBuilder.beginCell()
                .storeBit(false)
                .storeBit(false)
                .storeRefMaybe(init.getCode())
                .storeRefMaybe(init.getData())
                .storeBit(false)
                .endCell();
    }

    /** A StateInit of code and data. */
    public static StateInit stateInit(Cell code, Cell data) {
        return StateInit.builder().code(code).data(data).build();
    }

    /** The address a StateInit deploys to: {@code workchain:hash(stateInitCell)}. */
    public static Address addressOf(StateInit init, int workchain) {
        return Address.of(workchain + ":" + java.util.HexFormat.of().formatHex(stateInitCell(init).getHash()));
    }

    private static CellBuilder appendInitAndBody(CellBuilder b, StateInit init, Cell body) {
        if (init != null) {
            Cell initCell = stateInitCell(init);
            b.storeBit(true);
            // Inline when the init fits with at least a byte to spare for the body flag (as @ton/core does).
            if (b.getFreeBits() - 2 >= initCell.getBitLength() && b.getFreeRefs() >= initCell.getRefsCount()) {
                b.storeBit(false);
                b.storeCell(initCell);
            } else {
                b.storeBit(true);
                b.storeRef(initCell);
            }
        } else {
            b.storeBit(false);
        }
        if (b.getFreeBits() - 1 >= body.getBitLength()
                && b.getUsedRefs() + body.getRefsCount() <= 4
                && !body.isExotic()) {
            b.storeBit(false);
            b.storeCell(body);
        } else {
            b.storeBit(true);
            b.storeRef(body);
        }
        return b;
    }
}
