package io.cocoon4j.enclave.dcap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a verifier requires of a quote beyond valid signatures. Empty allow-lists mean "any".
 *
 * <p>JSON form (every field optional; unknown fields are rejected so a typo cannot silently
 * disable a constraint):
 * <pre>{@code
 * {
 *   "accepted_tcb_statuses": ["UpToDate", "SWHardeningNeeded"],
 *   "allow_debug": false,
 *   "mrtd": ["<96 hex>"], "mrconfigid": ["<96 hex>"],
 *   "rtmr0": ["<96 hex>"], "rtmr1": [], "rtmr2": [], "rtmr3": [],
 *   "image_hash": ["<64 hex>"],
 *   "report_data": "<128 hex>"
 * }
 * }</pre>
 *
 * @param acceptedTcbStatuses statuses that pass {@link CheckId#POLICY_TCB_STATUS}
 * @param allowDebug whether a debug TD is acceptable (never in production)
 * @param mrTd allowed MRTD values, lower-case hex
 * @param rtmrs four allow-lists, for RTMR0..RTMR3
 * @param mrConfigId allowed MRCONFIGID values
 * @param imageHash allowed image hashes ({@link io.cocoon4j.enclave.dcap.quote.TdReport#imageHash()})
 * @param reportData the exact REPORTDATA expected, lower-case hex, or null for any
 */
public record QuotePolicy(Set<TcbStatus> acceptedTcbStatuses, boolean allowDebug, Set<String> mrTd,
                          List<Set<String>> rtmrs, Set<String> mrConfigId, Set<String> imageHash, String reportData) {

    private static final Set<String> FIELDS = Set.of("accepted_tcb_statuses", "allow_debug", "mrtd", "mrconfigid",
        "rtmr0", "rtmr1", "rtmr2", "rtmr3", "image_hash", "report_data");

    public QuotePolicy {
        acceptedTcbStatuses = Set.copyOf(acceptedTcbStatuses);
        mrTd = normalize(mrTd, 48, "mrtd");
        if (rtmrs.size() != 4) {
            throw new IllegalArgumentException("a policy has four RTMR allow-lists");
        }
        List<Set<String>> r = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            r.add(normalize(rtmrs.get(i), 48, "rtmr" + i));
        }
        rtmrs = List.copyOf(r);
        mrConfigId = normalize(mrConfigId, 48, "mrconfigid");
        imageHash = normalize(imageHash, 32, "image_hash");
        if (reportData != null) {
            reportData = normalize(Set.of(reportData), 64, "report_data").iterator().next();
        }
    }

    /** Accepts UpToDate and SWHardeningNeeded, forbids debug TDs, pins no measurement. */
    public static QuotePolicy defaults() {
        return new QuotePolicy(EnumSet.of(TcbStatus.UpToDate, TcbStatus.SWHardeningNeeded), false, Set.of(),
            List.of(Set.of(), Set.of(), Set.of(), Set.of()), Set.of(), Set.of(), null);
    }

    public QuotePolicy withAcceptedTcbStatuses(Set<TcbStatus> statuses) {
        return new QuotePolicy(statuses, allowDebug, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withAllowDebug(boolean allow) {
        return new QuotePolicy(acceptedTcbStatuses, allow, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withMrTd(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, allowed, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withRtmr(int index, Set<String> allowed) {
        List<Set<String>> r = new ArrayList<>(rtmrs);
        r.set(index, allowed);
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, mrTd, r, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withMrConfigId(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, mrTd, rtmrs, allowed, imageHash, reportData);
    }

    public QuotePolicy withImageHash(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, mrTd, rtmrs, mrConfigId, allowed, reportData);
    }

    /** Requires REPORTDATA to equal these 64 bytes. */
    public QuotePolicy withReportData(byte[] expected) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, mrTd, rtmrs, mrConfigId, imageHash,
            HexFormat.of().formatHex(expected));
    }

    /**
     * Reads the JSON form above; absent fields take {@link #defaults()}.
     *
     * @throws IllegalArgumentException naming the offending field
     */
    public static QuotePolicy fromJson(byte[] json) {
        JsonNode root;
        try {
            root = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("policy is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("policy must be a JSON object");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown policy field \"" + f + "\" (known: " + new TreeSet<>(FIELDS) + ")");
            }
        }
        QuotePolicy p = defaults();
        if (root.has("accepted_tcb_statuses")) {
            Set<TcbStatus> s = EnumSet.noneOf(TcbStatus.class);
            for (String name : strings(root, "accepted_tcb_statuses")) {
                s.add(TcbStatus.named(name).orElseThrow(() -> new IllegalArgumentException("unknown TCB status " + name)));
            }
            p = p.withAcceptedTcbStatuses(s);
        }
        if (root.has("allow_debug")) {
            if (!root.get("allow_debug").isBoolean()) {
                throw new IllegalArgumentException("allow_debug must be true or false");
            }
            p = p.withAllowDebug(root.get("allow_debug").asBoolean());
        }
        if (root.has("mrtd")) {
            p = p.withMrTd(Set.copyOf(strings(root, "mrtd")));
        }
        for (int i = 0; i < 4; i++) {
            if (root.has("rtmr" + i)) {
                p = p.withRtmr(i, Set.copyOf(strings(root, "rtmr" + i)));
            }
        }
        if (root.has("mrconfigid")) {
            p = p.withMrConfigId(Set.copyOf(strings(root, "mrconfigid")));
        }
        if (root.has("image_hash")) {
            p = p.withImageHash(Set.copyOf(strings(root, "image_hash")));
        }
        if (root.has("report_data")) {
            if (!root.get("report_data").isTextual()) {
                throw new IllegalArgumentException("report_data must be a hex string");
            }
            p = new QuotePolicy(p.acceptedTcbStatuses, p.allowDebug, p.mrTd, p.rtmrs, p.mrConfigId, p.imageHash,
                root.get("report_data").asText());
        }
        return p;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    private static List<String> strings(JsonNode root, String field) {
        JsonNode a = root.get(field);
        if (!a.isArray()) {
            throw new IllegalArgumentException(field + " must be an array of strings");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode n : a) {
            if (!n.isTextual()) {
                throw new IllegalArgumentException(field + " must be an array of strings");
            }
            out.add(n.asText());
        }
        return out;
    }

    private static Set<String> normalize(Set<String> values, int bytes, String field) {
        Set<String> out = new TreeSet<>();
        for (String v : values) {
            String h = v.toLowerCase(Locale.ROOT);
            if (h.length() != bytes * 2 || !h.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw new IllegalArgumentException(field + " values are " + bytes * 2 + " hex digits: " + v);
            }
            out.add(h);
        }
        return Set.copyOf(out);
    }
}
