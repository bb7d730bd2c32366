package io.cocoon4j.tlb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.tlb.gen.JavaGenerator;
import io.cocoon4j.tlb.schema.Schema;
import io.cocoon4j.tlb.schema.SchemaParser;
import io.cocoon4j.tlb.schema.TlbSchemaException;
import org.junit.jupiter.api.Test;

/** Syntax and type errors are reported at file:line:column. */
class SchemaParserTest {

    @Test
    void commentsAndLayoutDoNotMatter() {
        Schema s = SchemaParser.parse("a.tlb", "// one\n/* two\n three */ a$0 x:uint8 // tail\n = A;\nb$1 = A;");
        assertThat(s.constructors()).hasSize(2);
        assertThat(s.byType().get("A")).hasSize(2);
    }

    @Test
    void syntaxErrorsNameFileLineAndColumn() {
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "a$0 x:uint8 = A;\nb$1 y:(uint8 = B;"))
                .isInstanceOf(TlbSchemaException.class)
                .hasMessageStartingWith("bad.tlb:2:17: expected ')', found ';'");
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "a$0 x:uint8 = A"))
                .hasMessageStartingWith("bad.tlb:1:16: expected ';'");
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "\n  Abc x:uint8 = A;"))
                .hasMessageStartingWith("bad.tlb:2:3: expected a constructor name");
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "a$0 x:uint8 x:uint8 = A;"))
                .hasMessageStartingWith("bad.tlb:1:13: field 'x' declared twice");
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "a$0 /* never closed"))
                .hasMessageStartingWith("bad.tlb:1:5: unterminated comment");
        assertThatThrownBy(() -> SchemaParser.parse("bad.tlb", "a$2 = A;"))
                .hasMessageStartingWith("bad.tlb:1:2: bad binary tag");
    }

    @Test
    void typeErrorsNameFileLineAndColumn() {
        Schema unknown = SchemaParser.parse("t.tlb", "a$0 x:uint8\n  y:Nonexistent = A;");
        assertThatThrownBy(() -> JavaGenerator.generate(unknown, "p"))
                .isInstanceOf(TlbSchemaException.class)
                .hasMessage("t.tlb:2:5: unknown type 'Nonexistent'");
        Schema arity = SchemaParser.parse("t.tlb", "a$0 x:(Maybe uint8 uint8) = A;");
        assertThatThrownBy(() -> JavaGenerator.generate(arity, "p"))
                .hasMessage("t.tlb:1:8: 'Maybe' takes 1 argument(s), given 2");
        Schema rest = SchemaParser.parse("t.tlb", "a$0 payload:(Either Cell ^Cell) x:uint8 = A;");
        assertThatThrownBy(() -> JavaGenerator.generate(rest, "p"))
                .hasMessageStartingWith("t.tlb:1:5: an inline Cell or Any takes the rest of the cell");
        Schema natParam = SchemaParser.parse("t.tlb", "a$0 {n:#} x:(## n) = A n;");
        assertThatThrownBy(() -> JavaGenerator.generate(natParam, "p"))
                .hasMessageStartingWith("t.tlb:1:24: type 'A' has a natural-number parameter");
        Schema cond = SchemaParser.parse("t.tlb", "a$0 f:(## 1) x:f?uint8 = A;");
        assertThatThrownBy(() -> JavaGenerator.generate(cond, "p"))
                .hasMessageStartingWith("t.tlb:1:17: a conditional field");
    }
}
