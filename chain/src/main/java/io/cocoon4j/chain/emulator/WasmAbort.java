package io.cocoon4j.chain.emulator;

/** The emulator called {@code abort()} or threw a JS string: the call cannot complete. */
final class WasmAbort extends RuntimeException {
    private static final long serialVersionUID = 1L;

    WasmAbort(String message) {
        super(message);
    }
}
