package io.cocoon4j.enclave;

import java.util.Optional;

/** The kind of trusted execution environment that produced some {@link Evidence}. */
public enum TeeType {
    /** Intel TDX: the evidence is a DCAP quote (version 4 or 5). */
    TDX(0x01),
    /** cocoon4j's simulated enclave: a local key signs; it proves nothing about hardware. */
    SIMULATED(0xF0);

    private final int code;

    TeeType(int code) {
        this.code = code;
    }

    /** The one-byte code used in the {@link EvidenceCodec} encoding. */
    public int code() {
        return code;
    }

    /** The type with this code, if any. */
    public static Optional<TeeType> ofCode(int code) {
        for (TeeType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
