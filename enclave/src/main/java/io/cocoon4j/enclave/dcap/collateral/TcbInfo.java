package io.cocoon4j.enclave.dcap.collateral;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * TDX TCB info (PCS API v4, {@code tcbInfo} version 3): the TCB levels Intel knows for one
 * platform family (FMSPC), best first, with the TDX module identities.
 */
public record TcbInfo(String id, int version, Instant issueDate, Instant nextUpdate, String fmspc, String pceId,
                      int tcbEvaluationDataNumber, ModuleIdentity tdxModule, List<ModuleIdentity> tdxModuleIdentities,
                      List<Level> tcbLevels) {

    /** One platform TCB level: minimum SGX component SVNs, PCE SVN and TDX component SVNs. */
    public record Level(int[] sgxComponents, int pceSvn, int[] tdxComponents, Instant tcbDate, TcbStatus status,
                        List<String> advisoryIds) {}

    /** A TDX module signer with its attribute mask and (for module identities) its own TCB levels by ISV SVN. */
    public record ModuleIdentity(String id, byte[] mrSigner, byte[] attributes, byte[] attributesMask,
                                 List<IsvLevel> tcbLevels) {}

    /** A TCB level keyed by one ISV SVN (TDX module identities and QE identity). */
    public record IsvLevel(int isvSvn, Instant tcbDate, TcbStatus status, List<String> advisoryIds) {}

    /** Reads TCB info from the signed {@code tcbInfo} object. */
    public static TcbInfo from(SignedJson json) throws CollateralException {
        JsonFields f = new JsonFields(json.content(), "tcbInfo");
        String id = f.text("id");
        if (!id.equals("TDX")) {
            throw new CollateralException("tcbInfo.id is " + id + ", not TDX");
        }
        int version = f.integer("version");
        if (version != 3) {
            throw new CollateralException("tcbInfo.version " + version + " is not supported (3)");
        }
        ModuleIdentity module = f.has("tdxModule") ? module(f.object("tdxModule"), false) : null;
        List<ModuleIdentity> identities = new ArrayList<>();
        if (f.has("tdxModuleIdentities")) {
            for (JsonFields m : f.objects("tdxModuleIdentities")) {
                identities.add(module(m, true));
            }
        }
        List<Level> levels = new ArrayList<>();
        for (JsonFields l : f.objects("tcbLevels")) {
            JsonFields tcb = l.object("tcb");
            levels.add(new Level(tcb.svns("sgxtcbcomponents", 16), tcb.integer("pcesvn"),
                tcb.svns("tdxtcbcomponents", 16), l.instant("tcbDate"), l.status("tcbStatus"),
                l.strings("advisoryIDs")));
        }
        String fmspc = HexFormat.of().formatHex(f.hex("fmspc", 6));
        String pceId = HexFormat.of().formatHex(f.hex("pceId", 2));
        return new TcbInfo(id, version, f.instant("issueDate"), f.instant("nextUpdate"), fmspc, pceId,
            f.integer("tcbEvaluationDataNumber"), module, List.copyOf(identities), List.copyOf(levels));
    }

    private static ModuleIdentity module(JsonFields m, boolean withLevels) throws CollateralException {
        List<IsvLevel> levels = new ArrayList<>();
        if (withLevels) {
            for (JsonFields l : m.objects("tcbLevels")) {
                levels.add(new IsvLevel(l.object("tcb").integer("isvsvn"), l.instant("tcbDate"), l.status("tcbStatus"),
                    l.strings("advisoryIDs")));
            }
        }
        return new ModuleIdentity(withLevels ? m.text("id") : "tdxModule", m.hex("mrsigner", 48),
            m.hex("attributes", 8), m.hex("attributesMask", 8), List.copyOf(levels));
    }
}
