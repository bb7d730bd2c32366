package io.cocoon4j.enclave.dcap.quote;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The named bits of TDATTRIBUTES (a 64-bit little-endian field of the TD report). A bit not
 * named here is unknown to this verifier, and a policy never accepts an unknown bit.
 */
public enum TdAttribute {
    /** The host can read and write the TD's memory and registers: never for production. */
    DEBUG(0),
    /** Linear Address Space Separation is enabled for the TD. */
    LASS(27),
    /** EPT violations are not converted to #VE inside the TD (the Linux guest requires this). */
    SEPT_VE_DISABLE(28),
    /** The TD can be migrated by a migration service TD, which then sees its state. */
    MIGRATABLE(29),
    /** Supervisor protection keys are available to the TD. */
    PKS(30),
    /** Key Locker is available to the TD. */
    KL(31),
    /** The TD may use the performance monitoring unit. */
    PERFMON(63);

    private final int bit;

    TdAttribute(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    /** The attribute named {@code name} (as above), or empty. */
    public static Optional<TdAttribute> named(String name) {
        for (TdAttribute a : values()) {
            if (a.name().equals(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The named attributes set in {@code tdAttributes} (8 bytes, little-endian). */
    public static Set<TdAttribute> setIn(byte[] tdAttributes) {
        long v = value(tdAttributes);
        Set<TdAttribute> out = EnumSet.noneOf(TdAttribute.class);
        for (TdAttribute a : values()) {
            if ((v >>> a.bit & 1) != 0) {
                out.add(a);
            }
        }
        return out;
    }

    /** The bits set in {@code tdAttributes} that have no name here. */
    public static long unknownBits(byte[] tdAttributes) {
        long known = 0;
        for (TdAttribute a : values()) {
            known |= 1L << a.bit;
        }
        return value(tdAttributes) & ~known;
    }

    private static long value(byte[] le) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v |= (le[i] & 0xffL) << (8 * i);
        }
        return v;
    }
}
