package io.cocoon4j.enclave.dcap.ccel;

import io.cocoon4j.enclave.dcap.quote.LittleEndianReader;
import java.nio.charset.StandardCharsets;

/**
 * The ACPI CC Event Log table ("CCEL"): which confidential-computing platform wrote the log
 * and where the log area lies in guest memory (on Linux, read from
 * {@code /sys/firmware/acpi/tables/CCEL}; the log itself from {@code .../data/CCEL}).
 *
 * @param ccType 2 = Intel TDX
 * @param ccSubtype 0
 * @param logAreaMinimumLength LAML, bytes
 * @param logAreaStartAddress LASA, guest-physical
 */
public record CcelTable(int ccType, int ccSubtype, long logAreaMinimumLength, long logAreaStartAddress) {
    public static final int CC_TYPE_TDX = 2;

    /** Parses and checks signature, length and ACPI checksum. */
    public static CcelTable parse(byte[] table) throws EventLogFormatException {
        LittleEndianReader<EventLogFormatException> r = new LittleEndianReader<>(table, EventLogFormatException::new);
        String signature = new String(r.bytes(4, "CCEL signature"), StandardCharsets.US_ASCII);
        if (!signature.equals("CCEL")) {
            throw new EventLogFormatException("ACPI table signature is \"" + signature + "\", not CCEL");
        }
        long length = r.u32("CCEL length");
        if (length != table.length || length < 56) {
            throw new EventLogFormatException("CCEL length field " + length + " does not match the " + table.length + "-byte table");
        }
        int sum = 0;
        for (byte b : table) {
            sum += b & 0xff;
        }
        if ((sum & 0xff) != 0) {
            throw new EventLogFormatException("CCEL checksum does not add up to zero");
        }
        r.bytes(28, "ACPI header");
        int type = r.u8("CC type");
        int subtype = r.u8("CC subtype");
        r.u16("reserved");
        return new CcelTable(type, subtype, r.u64("LAML"), r.u64("LASA"));
    }
}
