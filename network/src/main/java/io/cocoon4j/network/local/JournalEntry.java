package io.cocoon4j.network.local;

import java.math.BigInteger;
import java.util.Base64;
import java.util.Optional;
import org.ton.ton4j.address.Address;

/**
 * One input of the local network, as the journal stores it. The emulator is deterministic, so
 * replaying the inputs at their recorded times rebuilds every account, transaction and block.
 */
sealed interface JournalEntry {

    /** The unix time the input was processed at. */
    long now();

    /** An external message (accepted or rejected: a rejection also spends a logical-time step). */
    record External(long now, byte[] boc) implements JournalEntry {}

    /** Faucet money: {@code amount} nanotons to {@code to}, deploying it with {@code stateInitBoc} when present. */
    record Funding(long now, Address to, BigInteger amount, Optional<byte[]> stateInitBoc) implements JournalEntry {}

    /** One line of the journal: {@code ext NOW BOC} or {@code fund NOW ADDRESS AMOUNT INIT|-}. */
    static String encode(JournalEntry e) {
        Base64.Encoder b64 = Base64.getEncoder();
        if (e instanceof External x) {
            return "ext " + x.now() + " " + b64.encodeToString(x.boc());
        }
        Funding f = (Funding) e;
        return "fund " + f.now() + " " + f.to().toRaw() + " " + f.amount() + " "
                + f.stateInitBoc().map(b64::encodeToString).orElse("-");
    }

    static JournalEntry decode(String line) {
        String[] p = line.split(" ");
        Base64.Decoder b64 = Base64.getDecoder();
        switch (p[0]) {
            case "ext":
                if (p.length == 3) {
                    return new External(Long.parseLong(p[1]), b64.decode(p[2]));
                }
                break;
            case "fund":
                if (p.length == 5) {
                    return new Funding(Long.parseLong(p[1]), Address.of(p[2]), new BigInteger(p[3]),
                            p[4].equals("-") ? Optional.empty() : Optional.of(b64.decode(p[4])));
                }
                break;
            default:
                break;
        }
        throw new IllegalArgumentException("not a journal line: " + (line.length() > 40 ? line.substring(0, 40) + "…" : line));
    }
}
