package io.cocoon4j.economics.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the analysis knows from measurement (and what it assumes, labelled as such): detection and
 * flag counts per model and cheat, the gain each cheat brings, compute costs, the job market and the
 * on-chain fees. Loaded from {@code evidence.json}, which names the source of every figure.
 *
 * @param detection pooled counts per model ({@code tiny}, {@code small}, ...)
 * @param gains what each cheat kind gains, by its key
 * @param computeCostShare a runner's compute cost as a share of the price it charges
 * @param verifyGenerateRatio an audit's cost as a share of generating the same tokens
 * @param capitalRatePerYear what stake could earn elsewhere, per year (the cost of locking it)
 * @param market the distribution of job lengths and prices
 * @param fees on-chain costs per path, in TON
 */
public record Evidence(Map<String, ModelDetection> detection, Map<String, CheatGain> gains, double computeCostShare,
                       double verifyGenerateRatio, double capitalRatePerYear, Market market, Fees fees) {

    public Evidence {
        detection = Collections.unmodifiableMap(new LinkedHashMap<>(detection));
        gains = Collections.unmodifiableMap(new LinkedHashMap<>(gains));
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(fees, "fees");
        if (!(computeCostShare > 0 && computeCostShare < 1) || !(verifyGenerateRatio > 0)) {
            throw new IllegalArgumentException("compute cost share must be in (0, 1) and the verify ratio positive");
        }
        for (ModelDetection m : detection.values()) {
            for (String cheat : m.cheats().keySet()) {
                if (!gains.containsKey(cheat)) {
                    throw new IllegalArgumentException("no gain stated for cheat '" + cheat + "' measured on " + m.model());
                }
            }
        }
    }

    /**
     * Detection counts of one model, pooled over its runs.
     *
     * @param honest honest jobs rejected out of honest jobs verified
     * @param honestFlagged honest jobs accepted with margin hits
     * @param cheats per cheat key
     * @param sources where each pooled run came from
     */
    public record ModelDetection(String model, Proportion honest, Proportion honestFlagged,
                                 Map<String, CheatDetection> cheats, List<String> sources) {}

    /** Of a cheat's wrong results: how many were rejected (provable) and how many only flagged. */
    public record CheatDetection(Proportion rejected, Proportion flagged) {}

    /**
     * @param costSaved share of the honest compute cost the cheat saves
     * @param extraBilled share of the job's payment billed on top
     */
    public record CheatGain(double costSaved, double extraBilled, String why) {}

    /**
     * @param provisional true until measured on the contracts
     * @param unchallenged whole path of a job nobody challenges
     * @param runnerWins whole path of a dispute the runner wins
     * @param runnerLoses whole path of a dispute the runner loses
     * @param challenger what the challenger's own messages cost
     * @param runnerDispute what the runner's own messages in a dispute cost
     * @param jurorVote what one juror's commit and reveal cost
     * @param auditClaim one on-chain claim of audit pay (a verifier batches its audits of an epoch into it)
     * @param register registering an operator (a runner's new identity)
     */
    public record Fees(boolean provisional, String source, double unchallenged, double runnerWins, double runnerLoses,
                       double challenger, double runnerDispute, double jurorVote, double auditClaim, double register) {}

    /** The evidence shipped with the code (see {@code evidence.json} for every source). */
    public static Evidence bundled() {
        try (InputStream in = Evidence.class.getResourceAsStream("/io/cocoon4j/economics/evidence.json")) {
            if (in == null) {
                throw new IllegalStateException("evidence.json missing from the classpath");
            }
            return parse(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This evidence with the fees replaced by a fees JSON file in the {@code fees} block's format. */
    public Evidence withFees(Path file) throws IOException {
        JsonNode node = new ObjectMapper().readTree(Files.readString(file));
        return new Evidence(detection, gains, computeCostShare, verifyGenerateRatio, capitalRatePerYear, market,
            fees(node.has("fees") ? node.get("fees") : node));
    }

    static Evidence parse(JsonNode root) {
        Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
        for (JsonNode run : required(root, "detection_runs")) {
            runs.computeIfAbsent(text(run, "model"), k -> new ArrayList<>()).add(run);
        }
        Map<String, ModelDetection> detection = new LinkedHashMap<>();
        runs.forEach((model, list) -> detection.put(model, pool(model, list)));
        Map<String, CheatGain> gains = new LinkedHashMap<>();
        required(root, "cheat_gains").fields().forEachRemaining(e -> gains.put(e.getKey(),
            new CheatGain(number(e.getValue(), "cost_saved"), number(e.getValue(), "extra_billed"),
                text(e.getValue(), "why"))));
        JsonNode costs = required(root, "costs");
        JsonNode m = required(root, "market");
        List<Market.Tier> tiers = new ArrayList<>();
        for (JsonNode t : required(m, "tiers")) {
            tiers.add(new Market.Tier(text(t, "name"), number(t, "share"), number(t, "nanoton_per_token")));
        }
        Market market = new Market(number(m, "median_tokens"), number(m, "sigma_tokens"),
            (int) number(m, "max_tokens"), tiers, number(m, "sigma_price"), text(m, "source"));
        return new Evidence(detection, gains, number(required(costs, "compute_cost_share"), "value"),
            number(required(costs, "verify_generate_ratio"), "value"),
            number(required(costs, "capital_rate_per_year"), "value"), market, fees(required(root, "fees")));
    }

    private static ModelDetection pool(String model, List<JsonNode> runs) {
        Proportion honest = new Proportion(0, 0);
        Proportion honestFlagged = new Proportion(0, 0);
        Map<String, CheatDetection> cheats = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        for (JsonNode run : runs) {
            int jobs = (int) number(run, "honest_jobs");
            honest = honest.plus(new Proportion((int) number(run, "false_positives"), jobs));
            honestFlagged = honestFlagged.plus(new Proportion((int) number(run, "honest_flagged"), jobs));
            sources.add(text(run, "source"));
            required(run, "cheats").fields().forEachRemaining(e -> {
                int trials = (int) number(e.getValue(), "trials");
                CheatDetection c = new CheatDetection(new Proportion((int) number(e.getValue(), "detected"), trials),
                    new Proportion((int) number(e.getValue(), "flagged"), trials));
                cheats.merge(e.getKey(), c, (a, b) -> new CheatDetection(a.rejected().plus(b.rejected()),
                    a.flagged().plus(b.flagged())));
            });
        }
        return new ModelDetection(model, honest, honestFlagged, cheats, sources);
    }

    private static Fees fees(JsonNode f) {
        return new Fees(f.path("provisional").asBoolean(false), text(f, "source"), number(f, "unchallenged_ton"),
            number(f, "runner_wins_ton"), number(f, "runner_loses_ton"), number(f, "challenger_ton"),
            number(f, "runner_dispute_ton"), number(f, "juror_vote_ton"), number(f, "audit_claim_ton"),
            number(f, "register_ton"));
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("evidence: missing field '" + field + "'");
        }
        return v;
    }

    private static double number(JsonNode node, String field) {
        JsonNode v = required(node, field);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("evidence: field '" + field + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    private static String text(JsonNode node, String field) {
        return required(node, field).asText();
    }
}
