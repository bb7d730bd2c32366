package io.cocoon4j.tlb.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parsed TL-B declarations, grouped by the type they construct, in order of first appearance. */
public record Schema(List<Constructor> constructors) {
    public Schema {
        constructors = List.copyOf(constructors);
    }

    /** Constructors per type name, in declaration order. */
    public Map<String, List<Constructor>> byType() {
        Map<String, List<Constructor>> types = new LinkedHashMap<>();
        for (Constructor c : constructors) {
            types.computeIfAbsent(c.typeName(), k -> new ArrayList<>()).add(c);
        }
        return types;
    }

    public Schema plus(Schema other) {
        List<Constructor> all = new ArrayList<>(constructors);
        all.addAll(other.constructors);
        return new Schema(all);
    }
}
