package io.cocoon4j.contracts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The contracts compiled into this jar, read from the class path.
 *
 * <p>The build writes, under {@code io/cocoon4j/contracts/}: {@code <name>.code.boc},
 * {@code <name>.tlb} and the index {@code contracts.properties}. Everything is read once, on first
 * use, and shared; the methods are thread-safe.
 *
 * <pre>{@code
 * CompiledContract counter = Contracts.load("counter");
 * Cell code = Cell.fromBoc(counter.codeBoc());   // ton4j
 * }</pre>
 */
public final class Contracts {
  static final String RESOURCE_DIR = "io/cocoon4j/contracts/";
  static final String INDEX = RESOURCE_DIR + "contracts.properties";

  private Contracts() {}

  /**
   * The contract of that name.
   *
   * @throws UnknownContractException if no contract of that name was compiled; its message lists
   *     the names that exist
   * @throws ContractResourcesException if the compiled files on the class path are missing or
   *     inconsistent
   */
  public static CompiledContract load(String name) {
    CompiledContract contract = catalog().contracts.get(name);
    if (contract == null) {
      throw new UnknownContractException(String.valueOf(name), names());
    }
    return contract;
  }

  /** Every compiled contract, ordered by name. */
  public static List<CompiledContract> all() {
    return List.copyOf(catalog().contracts.values());
  }

  /** The names of every compiled contract, ordered. */
  public static List<String> names() {
    return List.copyOf(catalog().contracts.keySet());
  }

  /** The FunC compiler version that produced the code cells, e.g. {@code "0.4.6"}. */
  public static String funcVersion() {
    return catalog().funcVersion;
  }

  private static volatile Catalog catalog;

  /**
   * Reads the resources on first use. Not a static initializer: a broken jar must give a
   * ContractResourcesException on every call, not one ExceptionInInitializerError and then
   * NoClassDefFoundErrors.
   */
  private static Catalog catalog() {
    Catalog loaded = catalog;
    if (loaded == null) {
      synchronized (Contracts.class) {
        loaded = catalog;
        if (loaded == null) {
          loaded = Catalog.read();
          catalog = loaded;
        }
      }
    }
    return loaded;
  }

  /** The index and every contract it lists; immutable once read. */
  private static final class Catalog {
    final String funcVersion;
    final Map<String, CompiledContract> contracts;

    private Catalog(String funcVersion, Map<String, CompiledContract> contracts) {
      this.funcVersion = funcVersion;
      this.contracts = Collections.unmodifiableMap(contracts);
    }

    private static Catalog read() {
      Properties index = new Properties();
      try (InputStream in = open(INDEX);
          Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        index.load(reader);
      } catch (IOException e) {
        throw new ContractResourcesException("cannot read " + INDEX, e);
      }
      String listed = required(index, "contracts");
      Map<String, CompiledContract> contracts = new LinkedHashMap<>();
      List<String> names = new ArrayList<>(Arrays.asList(listed.split(",")));
      Collections.sort(names);
      for (String name : names) {
        String hash = required(index, name + ".code.hash");
        byte[] boc = bytes(RESOURCE_DIR + name + ".code.boc");
        String schema = new String(bytes(RESOURCE_DIR + name + ".tlb"), StandardCharsets.UTF_8);
        try {
          contracts.put(name, new CompiledContract(name, boc, hash, schema));
        } catch (IllegalArgumentException e) {
          throw new ContractResourcesException(INDEX + ": " + e.getMessage(), e);
        }
      }
      return new Catalog(required(index, "func.version"), contracts);
    }

    private static String required(Properties index, String key) {
      String value = index.getProperty(key);
      if (value == null || value.isBlank()) {
        throw new ContractResourcesException(INDEX + " has no value for '" + key + "'");
      }
      return value.trim();
    }

    private static byte[] bytes(String resource) {
      try (InputStream in = open(resource)) {
        return in.readAllBytes();
      } catch (IOException e) {
        throw new ContractResourcesException("cannot read class-path resource " + resource, e);
      }
    }

    private static InputStream open(String resource) {
      InputStream in = Contracts.class.getClassLoader().getResourceAsStream(resource);
      if (in == null) {
        throw new ContractResourcesException("class-path resource " + resource + " is missing");
      }
      return in;
    }
  }
}
