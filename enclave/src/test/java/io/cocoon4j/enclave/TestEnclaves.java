package io.cocoon4j.enclave;

import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Opens a {@link TdxEnclave} over a configfs-tsm layout in a temporary directory, for tests in other packages. */
public final class TestEnclaves {

    private TestEnclaves() {
    }

    /** A TDX enclave whose stand-in kernel answers each 64-byte REPORTDATA with {@code quoteFor}. */
    public static TdxEnclave tdx(Path reportRoot, UnaryOperator<byte[]> quoteFor) {
        FakeTsmKernel kernel = new FakeTsmKernel();
        kernel.quoteFor = quoteFor;
        return new TdxEnclave(reportRoot, null, kernel);
    }
}
