package io.cocoon4j.economics.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidenceTest {
    @Test
    void poolsTheRunsOfEachModel() {
        Evidence e = Evidence.bundled();
        assertThat(e.detection()).containsKeys("tiny", "small");
        // The README's 1,000 + 240 honest tiny jobs, none rejected or flagged.
        assertThat(e.detection().get("tiny").honest()).isEqualTo(new Proportion(0, 1240));
        assertThat(e.detection().get("tiny").honestFlagged().successes()).isZero();
        assertThat(e.detection().get("tiny").cheats().get("lower_precision_f16").rejected()).isEqualTo(new Proportion(54, 60));
        assertThat(e.detection().get("small").honest().successes()).isZero();
        assertThat(e.detection().get("small").honestFlagged().successes()).isPositive();
        // f16 is the small model's honest precision: no such cheat there.
        assertThat(e.detection().get("small").cheats()).doesNotContainKey("lower_precision_f16");
        e.detection().values().forEach(m -> assertThat(m.sources()).allSatisfy(s -> assertThat(s).isNotBlank()));
    }

    @Test
    void aCheatWithoutAStatedGainIsRejected() throws Exception {
        ObjectNode root = bundledTree();
        ((ObjectNode) root.get("cheat_gains")).remove("truncated");
        assertThatThrownBy(() -> Evidence.parse(root)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("truncated");
    }

    @Test
    void aMissingOrMistypedFieldIsNamed() throws Exception {
        ObjectNode root = bundledTree();
        ((ObjectNode) root.get("fees")).remove("challenger_ton");
        assertThatThrownBy(() -> Evidence.parse(root)).hasMessageContaining("challenger_ton");
        ObjectNode other = bundledTree();
        ((ObjectNode) other.get("fees")).put("juror_vote_ton", "cheap");
        assertThatThrownBy(() -> Evidence.parse(other)).hasMessageContaining("juror_vote_ton");
    }

    @Test
    void measuredFeesReplaceTheProvisionalOnes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("fees.json");
        ObjectNode fees = (ObjectNode) bundledTree().get("fees").deepCopy();
        fees.put("provisional", false).put("challenger_ton", 0.021);
        Files.writeString(file, fees.toString());
        Evidence e = Evidence.bundled().withFees(file);
        assertThat(e.fees().provisional()).isFalse();
        assertThat(e.fees().challenger()).isEqualTo(0.021);
        assertThat(e.detection()).isEqualTo(Evidence.bundled().detection());
    }

    private static ObjectNode bundledTree() throws Exception {
        try (InputStream in = Evidence.class.getResourceAsStream("/io/cocoon4j/economics/evidence.json")) {
            return (ObjectNode) new ObjectMapper().readTree(in);
        }
    }
}
