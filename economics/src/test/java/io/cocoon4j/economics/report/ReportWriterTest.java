package io.cocoon4j.economics.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.cocoon4j.economics.EconomicsBench;
import io.cocoon4j.economics.evidence.Evidence;
import io.cocoon4j.protocol.params.NetworkParams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
    @Test
    void quickBenchWritesTheReportItsPlotsAndTheHeadlineFields(@TempDir Path dir) throws Exception {
        EconomicsBench.Findings f = EconomicsBench.run(NetworkParams.DEFAULTS, Evidence.bundled(),
            new EconomicsBench.Options(true, 1));
        Path md = ReportWriter.write(f, dir);
        String text = Files.readString(md);
        assertThat(text).contains("least audit rate p*", "Derived defaults", "equal the derived ones");
        for (String plot : ReportWriter.PLOTS) {
            byte[] png = Files.readAllBytes(dir.resolve(plot));
            assertThat(png.length).as(plot).isGreaterThan(10_000);
            assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
            assertThat(text).contains("(" + plot + ")");
        }
        Map<String, Object> json = f.toMap();
        assertThat(json.get("cheat_profitable")).isEqualTo(false);
        assertThat(json.get("verifier_profitable")).isEqualTo(true);
        assertThat(json.get("simulated_cheat_profitable")).isEqualTo(false);
        assertThat(json.get("defaults_match_derivation")).isEqualTo(true);
        assertThat((double) json.get("min_audit_rate")).isPositive().isLessThanOrEqualTo(NetworkParams.DEFAULTS.audit().rate());
        assertThat((double) json.get("jury_collusion_threshold")).isBetween(0.2, 1.0);
    }
}
