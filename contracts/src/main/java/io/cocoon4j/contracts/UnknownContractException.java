package io.cocoon4j.contracts;

import java.util.List;

/** Thrown when a contract name is not among those compiled into this jar. */
public final class UnknownContractException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String requested;
  private final List<String> known;

  UnknownContractException(String requested, List<String> known) {
    super("no compiled contract named '" + requested + "'; this build has: " + String.join(", ", known));
    this.requested = requested;
    this.known = List.copyOf(known);
  }

  /** The name that was asked for. */
  public String requested() {
    return requested;
  }

  /** The names that do exist, in build order. */
  public List<String> known() {
    return known;
  }
}
