package io.cocoon4j.chain;

import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/**
 * A {@code ShardAccount} cell rebuilt from an {@link AccountState} another chain reported (a real
 * network's account, as toncenter gives it), so {@link LocalChain#putAccount} can emulate messages
 * against it before they are sent for real. Storage statistics are zero and {@code last_paid} is
 * {@code now}: the emulation charges no storage fee for the time since the account's last payment.
 */
final class ImportedAccount {
    private ImportedAccount() {}

    static Cell shardAccount(AccountState s, long now) {
        if (s.status() == AccountState.Status.NONEXIST) {
            return ShardAccounts.empty(s.address());
        }
        if (s.status() == AccountState.Status.FROZEN) {
            throw new IllegalArgumentException("cannot import the frozen account " + s.address().toRaw());
        }
        CellBuilder acc = CellBuilder.beginCell()
                .storeBit(true)
                .storeAddress(s.address())
                .storeUint(0, 3) // used cells: VarUInteger 7 of zero bytes
                .storeUint(0, 3) // used bits
                .storeUint(0, 3) // storage_extra_none
                .storeUint(now, 32) // last_paid
                .storeBit(false) // due_payment
                // the account's own lt ends after its last transaction: strictly above the ShardAccount's
                .storeUint(s.lastTransactionLt().add(java.math.BigInteger.ONE), 64)
                .storeCoins(s.balance())
                .storeBit(false); // no extra currencies
        if (s.isActive()) {
            acc.storeBit(true) // account_active
                    .storeBit(false).storeBit(false) // no split_depth, not special
                    .storeRefMaybe(s.code().orElse(null))
                    .storeRefMaybe(s.data().orElse(null))
                    .storeBit(false); // no libraries
        } else {
            acc.storeUint(0, 2); // account_uninit
        }
        return CellBuilder.beginCell()
                .storeRef(acc.endCell())
                .storeBytes(s.lastTransactionHash().bytes())
                .storeUint(s.lastTransactionLt(), 64)
                .endCell();
    }

}
