package io.cocoon4j.chain.emulator;

import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellSlice;

/** Code, data and balance of an active account, read from a ShardAccount BoC (test helper). */
record StateOfAccount(String codeBoc, String dataBoc, java.math.BigInteger balance) {

    static StateOfAccount of(String shardAccountBoc) {
        CellSlice account = CellSlice.beginParse(CellSlice.beginParse(Cell.fromBocBase64(shardAccountBoc)).loadRef());
        if (!account.loadBit()) {
            throw new AssertionError("account_none");
        }
        account.loadUint(2); // addr_std$10
        if (account.loadBit()) {
            throw new AssertionError("anycast address");
        }
        account.loadUint(8 + 256);
        skipVarUInt(account, 3); // used cells
        skipVarUInt(account, 3); // used bits
        if (account.loadUint(3).intValue() == 1) { // storage_extra_info$001
            account.loadUint(256);
        }
        account.loadUint(32); // last_paid
        if (account.loadBit()) {
            skipVarUInt(account, 4); // due_payment
        }
        account.loadUint(64); // last_trans_lt
        int balanceBytes = account.loadUint(4).intValue();
        java.math.BigInteger balance = balanceBytes == 0 ? java.math.BigInteger.ZERO : account.loadUint(balanceBytes * 8);
        if (account.loadBit()) {
            account.loadRef(); // extra currencies
        }
        if (!account.loadBit()) {
            throw new AssertionError("account is not active");
        }
        if (account.loadBit()) {
            account.loadUint(5); // split_depth
        }
        if (account.loadBit()) {
            account.loadUint(2); // tick/tock
        }
        Cell code = account.loadBit() ? account.loadRef() : null;
        Cell data = account.loadBit() ? account.loadRef() : null;
        return new StateOfAccount(code.toBase64(), data.toBase64(), balance);
    }

    private static void skipVarUInt(CellSlice slice, int lengthBits) {
        int bytes = slice.loadUint(lengthBits).intValue();
        if (bytes > 0) {
            slice.loadUint(bytes * 8);
        }
    }
}
