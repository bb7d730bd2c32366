package io.cocoon4j.client;

import io.cocoon4j.protocol.Hash32;
import io.cocoon4j.runner.engine.LlamaEngine;
import io.cocoon4j.verifier.Verifier;
import java.util.Objects;
import java.util.Optional;

/**
 * A model as the client holds it: the name clients ask for, the file's SHA-256 that jobs name, an
 * engine on that file to tokenize prompts and read answers (the input commitment is over token
 * ids, so the client tokenizes), and optionally a verifier to re-check every answer locally.
 *
 * @param name the model name in the OpenAI API (e.g. {@code tiny})
 * @param sha256 SHA-256 of the model file
 * @param engine an engine on that file
 * @param verifier a verifier on that file, or empty to trust the chain's challenge process alone
 */
public record LocalModel(String name, Hash32 sha256, LlamaEngine engine, Optional<Verifier> verifier) {
    public LocalModel {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a model name must not be blank");
        }
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(verifier, "verifier");
    }
}
