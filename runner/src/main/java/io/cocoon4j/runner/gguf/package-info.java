/**
 * The GGUF file format: a deterministic writer ({@link io.cocoon4j.runner.gguf.GgufWriter}) and a
 * reader that checks every count and offset against the file before trusting it
 * ({@link io.cocoon4j.runner.gguf.GgufReader}).
 */
package io.cocoon4j.runner.gguf;
