package io.cocoon4j.enclave.dcap.collateral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The identity Intel publishes for the TDX quoting enclave ({@code enclaveIdentity}, id {@code TD_QE}). */
public record QeIdentity(String id, int version, Instant issueDate, Instant nextUpdate, int tcbEvaluationDataNumber,
                         long miscSelect,
                         long miscSelectMask, byte[] attributes, byte[] attributesMask, byte[] mrSigner,
                         int isvProdId, List<TcbInfo.IsvLevel> tcbLevels) {

    /** Reads the QE identity from the signed {@code enclaveIdentity} object. */
    public static QeIdentity from(SignedJson json) throws CollateralException {
        JsonFields f = new JsonFields(json.content(), "enclaveIdentity");
        String id = f.text("id");
        if (!id.equals("TD_QE")) {
            throw new CollateralException("enclaveIdentity.id is " + id + ", not TD_QE");
        }
        int version = f.integer("version");
        if (version != 2) {
            throw new CollateralException("enclaveIdentity.version " + version + " is not supported (2)");
        }
        List<TcbInfo.IsvLevel> levels = new ArrayList<>();
        for (JsonFields l : f.objects("tcbLevels")) {
            levels.add(new TcbInfo.IsvLevel(l.object("tcb").integer("isvsvn"), l.instant("tcbDate"),
                l.status("tcbStatus"), l.strings("advisoryIDs")));
        }
        return new QeIdentity(id, version, f.instant("issueDate"), f.instant("nextUpdate"),
            f.integer("tcbEvaluationDataNumber"),
            u32(f.hex("miscselect", 4)), u32(f.hex("miscselectMask", 4)), f.hex("attributes", 16),
            f.hex("attributesMask", 16), f.hex("mrsigner", 32), f.integer("isvprodid"), List.copyOf(levels));
    }

    /** The JSON writes MISCSELECT big-endian hex; the QE report holds it as a little-endian integer. */
    private static long u32(byte[] be) {
        return (be[0] & 0xffL) << 24 | (be[1] & 0xffL) << 16 | (be[2] & 0xffL) << 8 | (be[3] & 0xffL);
    }
}
