package io.cocoon4j.contracts;

/** A Node.js script could not run to its end: node missing, deadline passed, or interrupted. */
public final class NodeScriptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean timedOut;

  NodeScriptException(String message, boolean timedOut, Throwable cause) {
    super(message, cause);
    this.timedOut = timedOut;
  }

  /** Whether the script was killed because its deadline passed. */
  public boolean timedOut() {
    return timedOut;
  }
}
