package io.cocoon4j.economics.report;

import io.cocoon4j.economics.EconomicAnalysis;
import io.cocoon4j.economics.EconomicsBench.Findings;
import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.economics.model.JuryOdds;
import io.cocoon4j.economics.model.Payoffs;
import io.cocoon4j.economics.model.Strategy;
import io.cocoon4j.economics.sim.MarketSimulation;
import io.cocoon4j.protocol.params.NetworkParams;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Writes the economics report: {@code economics.md} and its PNG plots, into one directory. */
public final class ReportWriter {
    /** The plots, by file name. */
    public static final List<String> PLOTS = List.of("profit_vs_cheat_probability.png", "verifier_return_vs_audit_rate.png",
        "jury_failure_vs_collusion.png");
    /** The cheat whose deterrence binds: a q8_0 copy of the small model, rarely provable. */
    static final String HARDEST_MODEL = "small";
    static final String HARDEST_CHEAT = "lower_precision_q8_0";

    private ReportWriter() {}

    /** Writes the report into {@code dir} (created if needed) and returns the Markdown file. */
    public static Path write(Findings f, Path dir) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Files.createDirectories(dir);
        String model = f.evidence().detection().containsKey(HARDEST_MODEL) ? HARDEST_MODEL : f.analysis().models().get(0);
        profitPlot(f, model, dir.resolve(PLOTS.get(0)));
        verifierPlot(f, dir.resolve(PLOTS.get(1)));
        juryPlot(f, dir.resolve(PLOTS.get(2)));
        Path md = dir.resolve("economics.md");
        Files.writeString(md, markdown(f, model));
        return md;
    }

    static void profitPlot(Findings f, String model, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        int defaultRate = f.params().audit().rateBps();
        int longJobs = f.jobs().tokensAtQuantile(0.9);
        int[] rates = {defaultRate / 4, defaultRate / 2, defaultRate, defaultRate * 2, defaultRate * 4};
        for (int rate : rates) {
            NetworkParams p = EconomicAnalysis.withAuditRate(f.params(), rate);
            Payoffs pay = f.analysis().payoffs(p, f.analysis().scenario(model, true));
            XYSeries s = new XYSeries(String.format(Locale.ROOT, "audit rate %.2f%%%s", rate / 100.0,
                rate == defaultRate ? " (default)" : ""));
            for (int i = 0; i <= 100; i++) {
                double q = i / 100.0;
                s.add(q, pay.relativeToHonest(new Strategy.Cheat(HARDEST_CHEAT, q, longJobs)));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
            "q8_0 copy on the " + model + " model's longest 10 % of jobs (95 % bounds)",
            "probability of cheating on a job", "profit relative to an honest runner", data, PlotOrientation.VERTICAL,
            true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(0.9, 1.05);
        plot.getDomainAxis().setRange(0, 1);
        plot.addRangeMarker(new ValueMarker(1, Color.DARK_GRAY, new BasicStroke(1.5f)));
        style(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }

    static void verifierPlot(Findings f, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        double[] prevalence = {0, 0.00001, 0.0001};
        for (double c : prevalence) {
            XYSeries s = new XYSeries(c == 0 ? "nothing to catch (the verifier's dilemma)"
                : String.format(Locale.ROOT, "%.3f%% of runners always cheat (other model)", 100 * c));
            for (int rate = 10; rate <= 1000; rate += 10) {
                NetworkParams p = EconomicAnalysis.withAuditRate(f.params(), rate);
                double worst = Double.MAX_VALUE;
                for (String model : f.analysis().models()) {
                    worst = Math.min(worst, f.analysis().payoffs(p, f.analysis().scenario(model, false))
                        .verifiers(c, "other_model").returnOnCost());
                }
                s.add(rate / 100.0, worst);
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart(
            String.format(Locale.ROOT, "Verifier return (audit fee %.2f%% of payouts)", f.params().fees().auditFeeBps() / 100.0),
            "audit rate (% of jobs)", "verifiers' profit / audit cost", data, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        plot.getRangeAxis().setRange(-1, 4);
        plot.addRangeMarker(new ValueMarker(0, Color.DARK_GRAY, new BasicStroke(1.5f)));
        plot.addDomainMarker(new ValueMarker(f.params().audit().rate() * 100, Color.GRAY, new BasicStroke(1f)));
        style(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }

    static void juryPlot(Findings f, Path file) throws IOException {
        XYSeriesCollection data = new XYSeriesCollection();
        int pool = 500;
        NetworkParams.Jury base = f.params().jury();
        for (int size : new int[] {3, 5, 7, 9, 11}) {
            NetworkParams.Jury jury = new NetworkParams.Jury(size, size / 2 + 1, base.jurorReward(), base.absenceFine());
            XYSeries s = new XYSeries("jury of " + size + (size == base.size() ? " (default)" : ""));
            for (int bad = 0; bad <= pool / 2; bad += 5) {
                s.add(100.0 * bad / pool, JuryOdds.failure(jury, pool, bad, true));
            }
            data.addSeries(s);
        }
        JFreeChart chart = ChartFactory.createXYLineChart("Wrong verdicts against colluding verifier stake (500 verifiers)",
            "colluding share of verifier stake (%)", "P(jury lets a caught cheater off)", data, PlotOrientation.VERTICAL,
            true, false, false);
        style(chart);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 900, 560);
    }

    private static final Color[] PALETTE = {new Color(0xD62728), new Color(0x1F77B4), new Color(0x2CA02C),
        new Color(0xFF7F0E), new Color(0x9467BD)};

    private static void style(JFreeChart chart) {
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        for (int i = 0; i < plot.getSeriesCount(); i++) {
            plot.getRenderer().setSeriesStroke(i, new BasicStroke(2.2f));
            plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
        }
    }

    static String markdown(Findings f, String hardestModel) {
        StringBuilder b = new StringBuilder();
        NetworkParams p = f.params();
        EconomicAnalysis a = f.analysis();
        b.append("# Economic security of cocoon4j (generated by `cocoon bench economics`)\n\n");
        b.append(String.format(Locale.ROOT, "Market: %,d jobs sampled for the analysis (mean payment %.0f nanoton = %.6f TON); "
            + "simulation of %,d runners, %d verifiers, %,d jobs in %.1f s. Fees %s: %s.%n%n", a.jobs().size(),
            a.jobs().meanPayment(), a.jobs().meanPayment() / 1e9, f.population().runnerCount(), f.population().verifiers(),
            f.simulation().jobs(), f.simulation().nanos() / 1e9, f.evidence().fees().provisional() ? "PROVISIONAL" : "measured",
            f.evidence().fees().source()));
        b.append("## Answers at the parameters analysed\n\n| question | answer |\n| --- | --- |\n");
        row(b, "least audit rate p* at which every cheat loses with margin (measured rates)", pct(f.minAuditRateBps()));
        row(b, "p* with every rate at its 95 % bound against the network", pct(f.minAuditRateBps95()));
        row(b, "audit rate of these parameters", pct(p.audit().rateBps()));
        row(b, "any cheat profitable (measured / 95 % bounds)", f.cheatProfitable() + " / " + f.cheatProfitable95());
        row(b, "diligent verifiers profit with nothing to catch", String.valueOf(f.verifierProfitable()));
        row(b, "least audit fee that pays verifiers (1 + margin) x their cost", pct(f.minAuditFeeBps()) + " of payouts (set: "
            + pct(p.fees().auditFeeBps()) + ")");
        row(b, "colluding verifier stake at which some cheat starts to pay", pct1(f.juryCollusionThreshold()));
        row(b, "colluding-or-lazy juror share at which false challenges pay", pct1(f.griefingThreshold()));
        b.append('\n');

        b.append("## Evidence (measured counts, 95 % Clopper-Pearson intervals)\n\n");
        b.append("| model | honest jobs rejected | honest jobs flagged | cheat | rejected | flagged only |\n| --- | --- | --- | --- | --- | --- |\n");
        for (Map.Entry<String, Evidence.ModelDetection> e : f.evidence().detection().entrySet()) {
            boolean first = true;
            for (Map.Entry<String, Evidence.CheatDetection> c : e.getValue().cheats().entrySet()) {
                b.append("| ").append(first ? e.getKey() : "").append(" | ").append(first ? e.getValue().honest().toString() : "")
                    .append(" | ").append(first ? e.getValue().honestFlagged().toString() : "").append(" | ").append(c.getKey())
                    .append(" | ").append(c.getValue().rejected()).append(" | ").append(c.getValue().flagged()).append(" |\n");
                first = false;
            }
        }
        b.append("\nSources:\n");
        f.evidence().detection().values().forEach(m -> m.sources().forEach(s -> b.append("- ").append(m.model()).append(": ")
            .append(s).append('\n')));
        b.append('\n');

        b.append("## Strategies: profit relative to an honest runner\n\n");
        b.append("Analytic (expected values over a runner's life of " + EconomicAnalysis.HORIZON_JOBS + " jobs, per model, all "
            + "verifiers diligent; `95%`: detection at its lower bound, honest errors at their upper) and simulated (runners "
            + "serve the models in turn; 10 % lazy, 2 % colluding and 1 % griefing verifiers; 10 sub-markets, mean and 95 % "
            + "confidence interval). Below 1 loses against honesty.\n\n");
        b.append("| strategy |");
        for (String m : a.models()) {
            b.append(' ').append(m).append(" | ").append(m).append(" 95% |");
        }
        b.append(" simulated |\n| --- |");
        b.append(" --- | --- |".repeat(a.models().size())).append(" --- |\n");
        for (Map.Entry<String, MarketSimulation.Estimate> e : f.simulation().relativeProfit().entrySet()) {
            Strategy s = f.population().runners().stream().map(g -> g.strategy())
                .filter(x -> x.label().equals(e.getKey())).findFirst().orElseThrow();
            b.append("| ").append(e.getKey()).append(" |");
            for (String m : a.models()) {
                boolean measured = !(s instanceof Strategy.Cheat c) || f.evidence().detection().get(m).cheats().containsKey(c.cheat());
                for (boolean wc : new boolean[] {false, true}) {
                    b.append(measured ? String.format(Locale.ROOT, " %.3g |", a.payoffs(p, a.scenario(m, wc)).relativeToHonest(s))
                        : " n/a |");
                }
            }
            b.append(String.format(Locale.ROOT, " %.3g (%.3g to %.3g) |%n", e.getValue().mean(), e.getValue().low(),
                e.getValue().high()));
        }
        for (String m : a.models()) {
            EconomicAnalysis.Worst w = a.worstCheat(p, a.scenario(m, true));
            b.append(String.format(Locale.ROOT, "%nBest cheat on %s at the 95%% bounds: %s, relative profit %.4f "
                + "(loses with margin: %s).", m, w.strategy().label(), w.relativeProfit(), w.losesWithMargin()));
        }
        b.append(String.format(Locale.ROOT, "%n%nSimulated: %,d disputes, %d decided against the truth, %d honest jobs slashed "
            + "(false challenges by griefers upheld by lazy and colluding jurors); treasury net %.0f nanoton per job.%n%n",
            f.simulation().challenges(), f.simulation().juryErrors(), f.simulation().honestSlashes(),
            f.simulation().treasuryPerJob().mean()));
        b.append("![profit against cheat probability](").append(PLOTS.get(0)).append(")\n\n");

        b.append("## Verifiers\n\n| verifier | profit per verifier per million jobs (TON) | profit / audit cost |\n| --- | --- | --- |\n");
        f.simulation().verifierProfitPerMillionJobs().forEach((k, v) -> b.append(String.format(Locale.ROOT,
            "| %s | %.4f (%.4f to %.4f) | %s |%n", k, v.mean() / 1e9, v.low() / 1e9, v.high() / 1e9,
            k.equals("lazy") ? "no audits" : String.format(Locale.ROOT, "%.2f", f.simulation().verifierReturn().get(k).mean()))));
        b.append("\nAudit pay goes only to audits done (a lazy verifier earns none): the network must pay it against evidence "
            + "of work, e.g. Truebit-style forced errors, or laziness pays. ");
        b.append("![verifier return](").append(PLOTS.get(1)).append(")\n\n");

        b.append("## Juries\n\n");
        for (double f1 : new double[] {0.05, 0.10, 0.20, 0.33}) {
            b.append(String.format(Locale.ROOT, "- %.0f%% colluding stake: P(a caught cheater is let off) = %.4f%n", 100 * f1,
                a.juryFailure(p.jury(), f1)));
        }
        b.append("\n![jury failure](").append(PLOTS.get(2)).append(")\n\n");

        b.append("## Honest runners and drift\n\n");
        for (Map.Entry<String, Evidence.ModelDetection> e : f.evidence().detection().entrySet()) {
            Payoffs.RunnerOutcome h = a.payoffs(p, a.scenario(e.getKey(), true)).runner(new Strategy.Honest());
            b.append(String.format(Locale.ROOT, "- %s: %d false positives in %d honest jobs; the 95%% upper bound %.2g per audit "
                + "would cost an honest runner at most %.2f%% of its profit (audited on %.2f%% of its jobs); flagged %s.%n",
                e.getKey(), e.getValue().honest().successes(), e.getValue().honest().trials(), e.getValue().honest().upper(),
                100 * h.loss() / (h.profit() + h.loss()), 100 * h.auditedShare(), e.getValue().honestFlagged()));
        }
        b.append("\n## Flags (unprovable deviations)\n\n");
        for (int k : new int[] {0, p.audit().followUpsPerFlag()}) {
            NetworkParams q = EconomicAnalysis.withFollowUps(p, k);
            b.append(String.format(Locale.ROOT, "- %d follow-up audits per flag: p* = %s (95%% bounds: %s)%n", k,
                pct(a.minAuditRateBps(q, false)), pct(a.minAuditRateBps(q, true))));
        }
        b.append(String.format(Locale.ROOT, "- a new runner identity costs %.3f TON (registration and a week's unbonding of the "
            + "minimum stake): a Sybil that abandons each flagged identity pays that per flag.%n%n", a.identityCost(p) / 1e9));

        b.append("## Derived defaults\n\n| parameter | derived | reason |\n| --- | --- | --- |\n");
        NetworkParams d = f.derived().params();
        Map<String, Object> values = Map.ofEntries(
            Map.entry("jury.jurorReward", ton(d.jury().jurorReward())), Map.entry("jury.absenceFine", ton(d.jury().absenceFine())),
            Map.entry("jury.size", d.jury().size() + " (quorum " + d.jury().quorum() + ")"),
            Map.entry("stakes.minJobLock", ton(d.stakes().minJobLock())),
            Map.entry("slashing.missedDeadlineSlashBps", pct(d.slashing().missedDeadlineSlashBps())),
            Map.entry("audit.rateBps", pct(d.audit().rateBps())), Map.entry("audit.followUpsPerFlag", d.audit().followUpsPerFlag()),
            Map.entry("audit.flagWithholdBps", pct(d.audit().flagWithholdBps())),
            Map.entry("fees.auditFeeBps", pct(d.fees().auditFeeBps())));
        f.derived().reasons().forEach((k, v) -> b.append("| ").append(k).append(" | ").append(values.get(k)).append(" | ")
            .append(v).append(" |\n"));
        b.append("\nThe parameters analysed ").append(d.equals(p) ? "equal" : "DIFFER FROM").append(" the derived ones.\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String q, String a) {
        b.append("| ").append(q).append(" | ").append(a).append(" |\n");
    }

    private static String pct(int bps) {
        return String.format(Locale.ROOT, "%.2f %%", bps / 100.0);
    }

    private static String pct1(double share) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * share);
    }

    private static String ton(long nanoton) {
        return String.format(Locale.ROOT, "%.3f TON", nanoton / 1e9);
    }
}
