package io.cocoon4j.chain.emulator;

/**
 * A C++ exception in flight inside the WASM: emscripten's JS-based exception handling unwinds by
 * throwing in the host and catching in the {@code invoke_*} trampolines. Carries the exception
 * pointer only; a stack trace would be costly and meaningless.
 */
final class CppThrow extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int exceptionPtr;

    CppThrow(int exceptionPtr) {
        super("C++ exception at 0x" + Integer.toHexString(exceptionPtr), null, false, false);
        this.exceptionPtr = exceptionPtr;
    }
}
