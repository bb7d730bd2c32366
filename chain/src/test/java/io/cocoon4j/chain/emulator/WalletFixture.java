package io.cocoon4j.chain.emulator;

import com.iwebpp.crypto.TweetNaclFast;
import java.math.BigInteger;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;
import org.ton.ton4j.cell.CellSlice;
import org.ton.ton4j.smartcontract.types.WalletV4R2Config;
import org.ton.ton4j.smartcontract.wallet.v4.WalletV4R2;

/** A real wallet v4r2 (ton4j's code and message builders) with a fixed key, and the cells to emulate it. */
final class WalletFixture {

    static final long UTIME = 1_750_000_000L;
    static final long WALLET_ID = 698_983_191L;

    final WalletV4R2 wallet;

    WalletFixture(int keySeed) {
        byte[] seed = new byte[32];
        seed[0] = (byte) keySeed;
        TweetNaclFast.Signature.KeyPair keyPair = TweetNaclFast.Signature.keyPair_fromSeed(seed);
        this.wallet = WalletV4R2.builder().keyPair(keyPair).walletId(WALLET_ID).wc(0).build();
    }

    Address address() {
        return wallet.getAddress();
    }

    /** The signed external deploy message (state init, seqno 0). */
    String deployMessage() {
        return wallet.prepareDeployMsg().toCell().toBase64();
    }

    /** A signed external transfer of {@code nanotons} to {@code destination}. */
    String transferMessage(long seqno, Address destination, long nanotons) {
        WalletV4R2Config config = WalletV4R2Config.builder()
                .walletId(WALLET_ID)
                .seqno(seqno)
                .destination(destination)
                .amount(BigInteger.valueOf(nanotons))
                .bounce(false)
                .validUntil(UTIME + 3600)
                .build();
        return wallet.prepareExternalMsg(config).toCell().toBase64();
    }

    String codeBoc() {
        return wallet.createCodeCell().toBase64();
    }

    String dataBoc() {
        return wallet.createDataCell().toBase64();
    }

    /**
     * A ShardAccount holding an uninitialised account at {@code address} with {@code nanotons}, as if
     * someone had sent it coins before deployment (account$1 … account_uninit$00).
     */
    static String uninitAccount(Address address, long nanotons) {
        Cell account = CellBuilder.beginCell()
                .storeBit(true) // account$1
                .storeAddress(address)
                // storage_info: used (cells, bits as VarUInteger 7 = 0), storage_extra_none$000, last_paid, no due payment
                .storeUint(0, 3).storeUint(0, 3).storeUint(0, 3).storeUint(0, 32).storeBit(false)
                .storeUint(0, 64) // last_trans_lt
                .storeCoins(BigInteger.valueOf(nanotons)).storeBit(false) // balance: grams, no extra currencies
                .storeUint(0, 2) // account_uninit$00
                .endCell();
        return CellBuilder.beginCell()
                .storeRef(account)
                .storeUint(0, 256) // last_trans_hash
                .storeUint(0, 64) // last_trans_lt
                .endCell().toBase64();
    }

    /** The empty argument stack ({@code vm_stack} of depth 0). */
    static String emptyStack() {
        return CellBuilder.beginCell().storeUint(0, 24).endCell().toBase64();
    }

    /** The integer on top of a result stack (tinyint or int257 entry). */
    static BigInteger topInt(String stackBoc) {
        CellSlice stack = CellSlice.beginParse(Cell.fromBocBase64(stackBoc));
        long depth = stack.loadUint(24).longValue();
        if (depth == 0) {
            throw new AssertionError("empty result stack");
        }
        stack.loadRef(); // the rest of the stack
        int tag = stack.loadUint(8).intValue();
        if (tag == 0x01) {
            return stack.loadInt(64);
        }
        if (tag == 0x02 && stack.loadUint(7).intValue() == 0) {
            stack.loadUint(1);
            return stack.loadInt(257);
        }
        throw new AssertionError("top of stack is not an integer (tag " + tag + ")");
    }
}
