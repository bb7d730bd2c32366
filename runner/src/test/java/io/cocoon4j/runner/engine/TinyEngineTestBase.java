package io.cocoon4j.runner.engine;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** One engine on the tiny model (256-token context) for all tests of a class. */
abstract class TinyEngineTestBase {
    static LlamaEngine engine;

    @BeforeAll
    static void openEngine() {
        engine = TinyModel.open(256);
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }
}
