package io.cocoon4j.chain;

import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
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

    /** Completes a message whose header is {@code header} with {@code init} (or none) and {@code body}. */
    static Cell withInitAndBody(Cell header, StateInit init, Cell body) {
        CellBuilder b = CellBuilder.beginCell().storeCell(header);
        return appendInitAndBody(b, init, body == null ? EMPTY : body).endCell();
    }

    private static CellBuilder appendInitAndBody(CellBuilder b, StateInit init, Cell body) {
        if (init != null) {
            Cell initCell = stateInitCell(init);
            b.storeBit(true);
            // Inline when the init fits with at least a byte to spare for the body flag (as @ton/core does).
            if (b.getFreeBits() - 2 >= initCell.getBitLength() && b.getFreeRefs() >= initCell.getRefs().size()) {
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
                && b.getUsedRefs() + body.getRefs().size() <= 4
                && !body.isExotic()) {
            b.storeBit(false);
            b.storeCell(body);
        } else {
            b.storeBit(true);
            b.storeRef(body);
        }
        return b;
    }

    /**
     * The root cell of a serialized BoC.
     *
     * @throws MalformedMessageException when the bytes are not a valid BoC with one root
     */
    public static Cell fromBoc(byte[] boc) {
        if (boc == null || boc.length == 0) {
            throw new MalformedMessageException("empty BoC");
        }
        return CellErrors.parsing("malformed BoC", () -> Cell.fromBoc(boc));
    }

    /**
     * Reads a {@code Message Any} cell, keeping the cell itself.
     *
     * @throws MalformedMessageException when the cell is not a message
     */
    public static ChainMessage parse(Cell message) {
        return CellErrors.parsing("not a message", () -> parseUnchecked(message));
    }

    private static ChainMessage parseUnchecked(Cell message) {
        CellSlice cs = CellSlice.beginParse(message);
        ChainMessage.Kind kind;
        Optional<Address> src;
        Optional<Address> dest;
        BigInteger value = BigInteger.ZERO;
        BigInteger fwdFee = BigInteger.ZERO;
        BigInteger createdLt = BigInteger.ZERO;
        boolean bounce = false;
        boolean bounced = false;
        if (!cs.loadBit()) {
            kind = ChainMessage.Kind.INTERNAL;
            cs.loadBit(); // ihr_disabled
            bounce = cs.loadBit();
            bounced = cs.loadBit();
            src = readAddress(cs);
            dest = readAddress(cs);
            value = cs.loadCoins();
            if (cs.loadBit()) {
                cs.loadRef(); // extra currencies
            }
            cs.loadCoins(); // ihr_fee / extra_flags
            fwdFee = cs.loadCoins();
            createdLt = cs.loadUint(64);
            cs.skipBits(32);
        } else if (!cs.loadBit()) {
            kind = ChainMessage.Kind.EXTERNAL_IN;
            src = readAddress(cs);
            dest = readAddress(cs);
            cs.loadCoins(); // import_fee
        } else {
            kind = ChainMessage.Kind.EXTERNAL_OUT;
            src = readAddress(cs);
            dest = readAddress(cs);
            createdLt = cs.loadUint(64);
            cs.skipBits(32);
        }
        Optional<StateInit> init = Optional.empty();
        if (cs.loadBit()) {
            init = Optional.of(cs.loadBit()
                    ? StateInit.deserialize(CellSlice.beginParse(cs.loadRef()))
                    : StateInit.deserialize(cs));
        }
        Cell body = cs.loadBit() ? cs.loadRef() : cs.sliceToCell();
        return new ChainMessage(kind, src, dest, value, bounce, bounced, fwdFee, createdLt, init, body, message);
    }

    /** MsgAddress: none and external addresses read as empty; standard addresses as an {@link Address}. */
    private static Optional<Address> readAddress(CellSlice cs) {
        int tag = cs.loadUint(2).intValue();
        switch (tag) {
            case 0b00:
                return Optional.empty();
            case 0b01:
                cs.skipBits(cs.loadUint(9).intValue());
                return Optional.empty();
            case 0b10:
                if (cs.loadBit()) {
                    cs.skipBits(cs.loadUint(5).intValue()); // anycast rewrite prefix
                }
                int wc = cs.loadInt(8).intValue();
                byte[] hash = cs.loadBytes(256);
                return Optional.of(Address.of(wc + ":" + HexFormat.of().formatHex(hash)));
            default:
                throw new MalformedMessageException("variable-length addresses (addr_var) are not supported");
        }
    }
}
