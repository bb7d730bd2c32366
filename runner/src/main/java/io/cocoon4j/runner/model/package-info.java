/**
 * Generated models: real llama-architecture GGUF files with seeded random weights and a
 * SentencePiece tokenizer, byte for byte reproducible, so that tests and benchmarks run a real
 * llama.cpp without downloading anything. Entry point: {@link io.cocoon4j.runner.model.ModelGenerator}.
 */
package io.cocoon4j.runner.model;
