package io.cocoon4j.contracts;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One contract as the build compiled it: its code cell and the TL-B schema of its messages.
 *
 * <p>Turn {@link #codeBoc()} into a cell with any TON library (for example ton4j's
 * {@code Cell.fromBoc(bytes)}); its representation hash equals {@link #codeHash()}.
 *
 * @param name      the contract's name: its source file {@code contracts/src/main/func/<name>.fc}
 *                  without the extension, e.g. {@code "counter"}
 * @param codeBoc   the code cell serialized as a bag of cells, exactly as the FunC compiler wrote
 *                  it (the accessor returns a copy)
 * @param codeHash  the code cell's SHA-256 representation hash, 64 lower-case hex digits
 * @param tlbSchema the text of {@code <name>.tlb}: storage layout and every message body
 */
public record CompiledContract(String name, byte[] codeBoc, String codeHash, String tlbSchema) {

  /** Checks the fields and keeps a private copy of the BoC. */
  public CompiledContract {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(codeBoc, "codeBoc");
    Objects.requireNonNull(codeHash, "codeHash");
    Objects.requireNonNull(tlbSchema, "tlbSchema");
    if (codeBoc.length == 0) {
      throw new IllegalArgumentException("contract " + name + " has an empty code BoC");
    }
    if (!codeHash.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "contract " + name + " has code hash '" + codeHash + "', not 64 lower-case hex digits");
    }
    codeBoc = codeBoc.clone();
  }

  /** The code cell as a BoC; a fresh copy on every call, so callers may modify it. */
  @Override
  public byte[] codeBoc() {
    return codeBoc.clone();
  }

  /** The code hash as 32 bytes (what {@link #codeHash()} spells in hex). */
  public byte[] codeHashBytes() {
    return HexFormat.of().parseHex(codeHash);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CompiledContract c
        && name.equals(c.name)
        && Arrays.equals(codeBoc, c.codeBoc)
        && codeHash.equals(c.codeHash)
        && tlbSchema.equals(c.tlbSchema);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, codeHash, Arrays.hashCode(codeBoc), tlbSchema);
  }

  @Override
  public String toString() {
    return "CompiledContract[" + name + ", " + codeBoc.length + " bytes, code hash " + codeHash + "]";
  }
}
