package io.cocoon4j.chain;

import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;

/**
 * {@code ShardAccount} cells as the emulator takes and returns them: the empty account a first
 * message lands on (encoded exactly as the reference sandbox encodes it, so that transaction hashes
 * agree), and the reading of an account's state.
 */
final class ShardAccounts {
    private ShardAccounts() {}

    /**
     * An uninitialised account with zero balance and no history:
     * {@code account$1 addr, used 0/0, no storage extra, last_paid 0, no due payment,
     * last_trans_lt 0, balance 0, no extra currencies, uninit}, then a zero last transaction hash and lt.
     */
    static Cell empty(Address address) {
        Cell account = CellBuilder.beginCell()
                .storeBit(true)
                .storeAddress(address)
                .storeUint(0, 3) // used cells: VarUInteger 7 of zero bytes
                .storeUint(0, 3) // used bits
                .storeUint(0, 3) // storage_extra_none
                .storeUint(0, 32) // last_paid
                .storeBit(false) // due_payment
                .storeUint(0, 64) // last_trans_lt
                .storeCoins(BigInteger.ZERO)
                .storeBit(false) // no extra currencies
                .storeUint(0, 2) // account_uninit
                .endCell();
        return CellBuilder.beginCell()
                .storeRef(account)
                .storeUint(BigInteger.ZERO, 256)
                .storeUint(0, 64)
                .endCell();
    }

    /** Reads what {@link AccountState} exposes from a {@code ShardAccount} cell. */
    static AccountState read(Address address, Cell shardAccount) {
        CellSlice outer = CellSlice.beginParse(shardAccount);
        CellSlice acc = CellSlice.beginParse(outer.loadRef());
        Hash32 lastHash = Hash32.of(outer.loadBytes(256));
        BigInteger lastLt = outer.loadUint(64);
        if (!acc.loadBit()) {
            return new AccountState(address, AccountState.Status.NONEXIST, BigInteger.ZERO, Optional.empty(),
                    Optional.empty(), lastLt, lastHash);
        }
        skipAddress(acc);
        acc.skipBits(acc.loadUint(3).intValue() * 8); // used cells: VarUInteger 7
        acc.skipBits(acc.loadUint(3).intValue() * 8); // used bits
        int extra = acc.loadUint(3).intValue();
        if (extra == 1) {
            acc.skipBits(256);
        }
        acc.skipBits(32); // last_paid
        if (acc.loadBit()) {
            acc.loadCoins(); // due_payment
        }
        acc.skipBits(64); // last_trans_lt
        BigInteger balance = acc.loadCoins();
        if (acc.loadBit()) {
            acc.loadRef();
        }
        if (acc.loadBit()) {
            // account_active: an inline StateInit
            if (acc.loadBit()) {
                acc.skipBits(5);
            }
            if (acc.loadBit()) {
                acc.skipBits(2);
            }
            Optional<Cell> code = acc.loadBit() ? Optional.of(acc.loadRef()) : Optional.empty();
            Optional<Cell> data = acc.loadBit() ? Optional.of(acc.loadRef()) : Optional.empty();
            return new AccountState(address, AccountState.Status.ACTIVE, balance, code, data, lastLt, lastHash);
        }
        AccountState.Status status = acc.loadBit() ? AccountState.Status.FROZEN : AccountState.Status.UNINIT;
        return new AccountState(address, status, balance, Optional.empty(), Optional.empty(), lastLt, lastHash);
    }

    private static void skipAddress(CellSlice cs) {
        int tag = cs.loadUint(2).intValue();
        if (tag != 0b10) {
            throw new MalformedMessageException("account address is not a standard address");
        }
        if (cs.loadBit()) {
            cs.skipBits(cs.loadUint(5).intValue());
        }
        cs.skipBits(8 + 256);
    }

    /** Raw form {@code wc:hex}, the key accounts are stored under. */
    static String key(Address address) {
        return address.wc + ":" + HexFormat.of().formatHex(address.hashPart);
    }
}
