package io.cocoon4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonReportTest {

    private static Map<String, Object> report() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("name", "counter deployed");
        check.put("ok", true);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ok", true);
        fields.put("timing", Map.of("mean_ms", 1.5));
        fields.put("checks", List.of(check));
        fields.put("empty", List.of());
        return fields;
    }

    private static String print(boolean json) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            JsonReport.print(report(), json, out);
        }
        return text.toString();
    }

    @Test
    void jsonIsExactlyOneObjectWithEveryField() throws Exception {
        JsonNode node = new ObjectMapper().readTree(print(true));
        assertThat(node.isObject()).isTrue();
        assertThat(node.get("checks").get(0).get("name").asText()).isEqualTo("counter deployed");
        assertThat(node.get("timing").get("mean_ms").asDouble()).isEqualTo(1.5);
    }

    @Test
    void plainTextPutsNestedValuesOnTheirOwnIndentedLines() {
        assertThat(print(false).lines()).containsExactly(
            "ok: true",
            "timing:",
            "  mean_ms: 1.5",
            "checks:",
            "  - name: counter deployed, ok: true",
            "empty: []");
    }
}
