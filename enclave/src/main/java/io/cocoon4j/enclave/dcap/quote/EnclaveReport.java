package io.cocoon4j.enclave.dcap.quote;

/**
 * The 384-byte SGX enclave report of the quoting enclave (QE), as carried in the quote's
 * certification data. {@code raw} is the exact signed byte string.
 */
public record EnclaveReport(byte[] cpuSvn, long miscSelect, byte[] attributes, byte[] mrEnclave,
                            byte[] mrSigner, int isvProdId, int isvSvn, byte[] reportData, byte[] raw) {
    public static final int SIZE = 384;

    static EnclaveReport read(LittleEndianReader<QuoteFormatException> outer) throws QuoteFormatException {
        LittleEndianReader<QuoteFormatException> copy = outer.window(SIZE, "QE report");
        byte[] raw = copy.bytes(SIZE, "QE report");
        LittleEndianReader<QuoteFormatException> r = new LittleEndianReader<>(raw, QuoteFormatException::new);
        byte[] cpuSvn = r.bytes(16, "QE report CPUSVN");
        long miscSelect = r.u32("QE report MISCSELECT");
        r.bytes(28, "QE report reserved");
        byte[] attributes = r.bytes(16, "QE report ATTRIBUTES");
        byte[] mrEnclave = r.bytes(32, "QE report MRENCLAVE");
        r.bytes(32, "QE report reserved");
        byte[] mrSigner = r.bytes(32, "QE report MRSIGNER");
        r.bytes(96, "QE report reserved");
        int isvProdId = r.u16("QE report ISVPRODID");
        int isvSvn = r.u16("QE report ISVSVN");
        r.bytes(60, "QE report reserved");
        byte[] reportData = r.bytes(64, "QE report REPORTDATA");
        return new EnclaveReport(cpuSvn, miscSelect, attributes, mrEnclave, mrSigner, isvProdId, isvSvn,
            reportData, raw);
    }
}
