package io.cocoon4j.contracts;

/**
 * Thrown when the compiled contracts on the class path are missing or inconsistent: the jar was
 * not produced by the contracts build (e.g. the FunC step was skipped) or a file was damaged.
 * Rebuilding the {@code contracts} module fixes it.
 */
public final class ContractResourcesException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  ContractResourcesException(String message) {
    super(message + " (rebuild the contracts module: ./mvnw -pl contracts package)");
  }

  ContractResourcesException(String message, Throwable cause) {
    super(message + " (rebuild the contracts module: ./mvnw -pl contracts package)", cause);
  }
}
