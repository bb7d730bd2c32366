/**
 * The inference engine: llama.cpp (the native library de.kherud:llama bundles, release b4916, or
 * another build of it) driven token by token through its C API with JNA. Start at
 * {@link io.cocoon4j.runner.engine.LlamaEngine}.
 */
package io.cocoon4j.runner.engine;
