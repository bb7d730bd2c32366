package io.cocoon4j.enclave.dcap;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cocoon4j.enclave.dcap.collateral.TcbStatus;
import io.cocoon4j.enclave.dcap.quote.TdAttribute;
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
 *   "min_tcb_evaluation_data_number": 17,
 *   "allow_debug": false,
 *   "td_attributes_allowed": ["LASS", "SEPT_VE_DISABLE", "PKS", "KL", "PERFMON"],
 *   "td_attributes_required": ["SEPT_VE_DISABLE"],
 *   "mrservicetd": ["<96 hex>"],
 *   "mrtd": ["<96 hex>"], "mrconfigid": ["<96 hex>"],
 *   "rtmr0": ["<96 hex>"], "rtmr1": [], "rtmr2": [], "rtmr3": [],
 *   "image_hash": ["<64 hex>"],
 *   "report_data": "<128 hex>"
 * }
 * }</pre>
 *
 * @param acceptedTcbStatuses statuses that pass {@link CheckId#POLICY_TCB_STATUS}
 * @param allowDebug whether a debug TD is acceptable (never in production)
 * @param minTcbEvaluationDataNumber the lowest {@code tcbEvaluationDataNumber} of TCB info and QE
 *     identity accepted (0: any); raising it refuses collateral older than a TCB recovery
 * @param allowedTdAttributes TD attributes that may be set, besides DEBUG (see {@code allowDebug});
 *     a bit outside this set, or one without a name, fails {@link CheckId#POLICY_TD_ATTRIBUTES}
 * @param requiredTdAttributes TD attributes that must be set
 * @param mrServiceTd service TDs (MRSERVICETD of a TD report 1.5) a TD may be bound to; a TD bound
 *     to none (MRSERVICETD zero) always passes
 * @param mrTd allowed MRTD values, lower-case hex
 * @param rtmrs four allow-lists, for RTMR0..RTMR3
 * @param mrConfigId allowed MRCONFIGID values
 * @param imageHash allowed image hashes ({@link io.cocoon4j.enclave.dcap.quote.TdReport#imageHash()})
 * @param reportData the exact REPORTDATA expected, lower-case hex, or null for any
 */
public record QuotePolicy(Set<TcbStatus> acceptedTcbStatuses, boolean allowDebug, int minTcbEvaluationDataNumber,
                          Set<TdAttribute> allowedTdAttributes, Set<TdAttribute> requiredTdAttributes,
                          Set<String> mrServiceTd, Set<String> mrTd, List<Set<String>> rtmrs, Set<String> mrConfigId,
                          Set<String> imageHash, String reportData) {

    /** The TD attributes a default policy allows: every named one except DEBUG and MIGRATABLE. */
    public static final Set<TdAttribute> DEFAULT_ALLOWED_TD_ATTRIBUTES = Set.copyOf(EnumSet.of(TdAttribute.LASS,
        TdAttribute.SEPT_VE_DISABLE, TdAttribute.PKS, TdAttribute.KL, TdAttribute.PERFMON));

    private static final Set<String> FIELDS = Set.of("accepted_tcb_statuses", "min_tcb_evaluation_data_number",
        "allow_debug", "td_attributes_allowed", "td_attributes_required", "mrservicetd", "mrtd", "mrconfigid",
        "rtmr0", "rtmr1", "rtmr2", "rtmr3", "image_hash", "report_data");

    public QuotePolicy {
        acceptedTcbStatuses = Set.copyOf(acceptedTcbStatuses);
        if (minTcbEvaluationDataNumber < 0) {
            throw new IllegalArgumentException("min_tcb_evaluation_data_number must be 0 or more");
        }
        allowedTdAttributes = Set.copyOf(allowedTdAttributes);
        requiredTdAttributes = Set.copyOf(requiredTdAttributes);
        if (allowedTdAttributes.contains(TdAttribute.DEBUG) || requiredTdAttributes.contains(TdAttribute.DEBUG)) {
            throw new IllegalArgumentException("DEBUG is governed by allow_debug, not by the TD attribute lists");
        }
        if (!allowedTdAttributes.containsAll(requiredTdAttributes)) {
            throw new IllegalArgumentException("td_attributes_required names attributes td_attributes_allowed forbids");
        }
        mrServiceTd = normalize(mrServiceTd, 48, "mrservicetd");
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

    /**
     * Accepts UpToDate and SWHardeningNeeded, any evaluation data number, forbids debug and
     * migratable TDs and unknown TD attributes, allows no service TD, pins no measurement.
     */
    public static QuotePolicy defaults() {
        return new QuotePolicy(EnumSet.of(TcbStatus.UpToDate, TcbStatus.SWHardeningNeeded), false, 0,
            DEFAULT_ALLOWED_TD_ATTRIBUTES, Set.of(), Set.of(), Set.of(), List.of(Set.of(), Set.of(), Set.of(), Set.of()),
            Set.of(), Set.of(), null);
    }

    public QuotePolicy withAcceptedTcbStatuses(Set<TcbStatus> statuses) {
        return new QuotePolicy(statuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withAllowDebug(boolean allow) {
        return new QuotePolicy(acceptedTcbStatuses, allow, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    /** Refuses collateral whose TCB info or QE identity has a lower {@code tcbEvaluationDataNumber}. */
    public QuotePolicy withMinTcbEvaluationDataNumber(int min) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, min, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    /** Which TD attributes (besides DEBUG) may be set, and which must be. */
    public QuotePolicy withTdAttributes(Set<TdAttribute> allowed, Set<TdAttribute> required) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowed,
            required, mrServiceTd, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    /** The service TDs (MRSERVICETD) a TD may be bound to. */
    public QuotePolicy withMrServiceTd(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, allowed, mrTd, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withMrTd(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, allowed, rtmrs, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withRtmr(int index, Set<String> allowed) {
        List<Set<String>> r = new ArrayList<>(rtmrs);
        r.set(index, allowed);
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, r, mrConfigId, imageHash, reportData);
    }

    public QuotePolicy withMrConfigId(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, allowed, imageHash, reportData);
    }

    public QuotePolicy withImageHash(Set<String> allowed) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, mrConfigId, allowed, reportData);
    }

    /** Requires REPORTDATA to equal these 64 bytes. */
    public QuotePolicy withReportData(byte[] expected) {
        return withReportDataHex(HexFormat.of().formatHex(expected));
    }

    private QuotePolicy withReportDataHex(String expected) {
        return new QuotePolicy(acceptedTcbStatuses, allowDebug, minTcbEvaluationDataNumber, allowedTdAttributes,
            requiredTdAttributes, mrServiceTd, mrTd, rtmrs, mrConfigId, imageHash, expected);
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
        if (root.has("min_tcb_evaluation_data_number")) {
            JsonNode n = root.get("min_tcb_evaluation_data_number");
            if (!n.isInt() || n.asInt() < 0) {
                throw new IllegalArgumentException("min_tcb_evaluation_data_number must be a whole number, 0 or more");
            }
            p = p.withMinTcbEvaluationDataNumber(n.asInt());
        }
        if (root.has("td_attributes_allowed") || root.has("td_attributes_required")) {
            p = p.withTdAttributes(
                root.has("td_attributes_allowed") ? attributes(root, "td_attributes_allowed") : p.allowedTdAttributes,
                root.has("td_attributes_required") ? attributes(root, "td_attributes_required") : p.requiredTdAttributes);
        }
        if (root.has("mrservicetd")) {
            p = p.withMrServiceTd(Set.copyOf(strings(root, "mrservicetd")));
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
            p = p.withReportDataHex(root.get("report_data").asText());
        }
        return p;
    }

    private static Set<TdAttribute> attributes(JsonNode root, String field) {
        Set<TdAttribute> out = EnumSet.noneOf(TdAttribute.class);
        for (String name : strings(root, field)) {
            out.add(TdAttribute.named(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown TD attribute " + name + " in " + field + " (known: " + List.of(TdAttribute.values()) + ")")));
        }
        return out;
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
