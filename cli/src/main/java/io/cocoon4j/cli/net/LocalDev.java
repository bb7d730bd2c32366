package io.cocoon4j.cli.net;

import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.Measurement;
import io.cocoon4j.enclave.SimulatedEnclave;
import io.cocoon4j.runner.model.ModelGenerator;
import io.cocoon4j.runner.model.ModelShape;
import io.cocoon4j.tlb.runtime.Bits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;

/**
 * What a local network admits that a real one never does: the simulated enclave's measurement
 * and the tiny generated model. Both are fixed values, so {@code cocoon deploy} and
 * {@code cocoon runner join} agree on them without talking to each other.
 */
final class LocalDev {
    /** The image name the local simulated enclaves report (their measurement derives from it). */
    static final String IMAGE = "cocoon4j-local";

    private LocalDev() {}

    /** The simulated enclave's measurement, allow-listed only by a local root deployed with --allow-simulated. */
    static Bits simulatedMeasurement() {
        return Bits.of(Measurement.ofSimulatedImage(IMAGE).value().bytes());
    }

    /** The simulated enclave of wallet {@code name}, its secret kept under COCOON_HOME/enclaves/NAME. */
    static SimulatedEnclave enclave(String name) {
        try {
            return SimulatedEnclave.open(CocoonHome.dir().resolve("enclaves").resolve(name), IMAGE);
        } catch (EnclaveException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The SHA-256 of the tiny generated model (`cocoon model gen-tiny`), computed without writing it. */
    static String tinyModelSha256() {
        try {
            return ModelGenerator.sha256Of(ModelGenerator.ModelSpec.of(ModelShape.TINY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 32 bytes from 64 hex digits, or a clear error naming the option. */
    static Bits hash32(String option, String hex) {
        byte[] b;
        try {
            b = HexFormat.of().parseHex(hex.trim());
        } catch (IllegalArgumentException e) {
            b = new byte[0];
        }
        if (b.length != 32) {
            throw new IllegalArgumentException(option + " takes a SHA-256 as 64 hex digits; got '" + hex + "'");
        }
        return Bits.of(b);
    }
}
