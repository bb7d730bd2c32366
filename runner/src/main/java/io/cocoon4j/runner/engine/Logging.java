package io.cocoon4j.runner.engine;

import com.sun.jna.Pointer;

/**
 * Routes llama.cpp's log lines: silent by default (a CLI's stdout must stay one JSON object, and
 * llama.cpp is chatty), to standard error with {@code -Dcocoon.llama.log=true} or
 * {@code COCOON_LLAMA_LOG=1}.
 */
final class Logging {
    private static final boolean ENABLED = Boolean.getBoolean("cocoon.llama.log")
        || "1".equals(System.getenv("COCOON_LLAMA_LOG"));

    /** Held here for the life of the JVM: native code keeps calling it. */
    static final LlamaNative.LogCallback CALLBACK = (level, text, user) -> {
        if (ENABLED && text != null) {
            System.err.print(text.getString(0, "UTF-8"));
        }
    };

    private Logging() {}
}
