package io.cocoon4j.tlb.gen;

import io.cocoon4j.tlb.gen.GetMethods.GetMethod;
import io.cocoon4j.tlb.gen.GetMethods.Item;
import io.cocoon4j.tlb.gen.JavaGenerator.Component;
import io.cocoon4j.tlb.schema.Constructor;
import io.cocoon4j.tlb.schema.TlbSchemaException;
import java.util.ArrayList;
import java.util.List;

/**
 * Generates the typed client of one of this repository's contracts ({@code <Name>Contract}),
 * from its schema, its get-method comments ({@link GetMethods}) and three naming conventions:
 * the storage type is {@code <Name>Storage}, the internal messages it accepts are the
 * constructors of {@code <Name>Msg}, its external message is {@code <Name>External}.
 *
 * <p>The client talks to a chain through {@code io.cocoon4j.chain} and reads the code cell from
 * {@code io.cocoon4j.contracts.Contracts}; it compiles in the contract-wrappers clients module.
 */
public final class ClientGenerator {
    private final String contract;
    private final String upper;
    private final String pkg;
    private final JavaGenerator types;
    private final List<GetMethod> getters;

    private ClientGenerator(String contract, String pkg, JavaGenerator types, List<GetMethod> getters) {
        this.contract = contract;
        this.upper = Names.upperCamel(contract);
        this.pkg = pkg;
        this.types = types;
        this.getters = getters;
    }

    /** The client source, file {@code <Name>Contract.java}. */
    public static String generate(String contract, String pkg, JavaGenerator types, List<GetMethod> getters) {
        return new ClientGenerator(contract, pkg, types, getters).source();
    }

    public static String fileName(String contract) {
        return Names.upperCamel(contract) + "Contract.java";
    }

    private String source() {
        String cls = upper + "Contract";
        String storage = types.javaName(upper + "Storage");
        String msg = types.javaName(upper + "Msg");
        String external = types.javaName(upper + "External");
        StringBuilder sb = new StringBuilder();
        sb.append("package ").append(pkg).append(";\n\n");
        sb.append("import io.cocoon4j.chain.Messages;\n");
        sb.append("import io.cocoon4j.chain.Sender;\n");
        sb.append("import io.cocoon4j.chain.TonChain;\n");
        sb.append("import io.cocoon4j.chain.Trace;\n");
        sb.append("import io.cocoon4j.chain.Transfer;\n");
        sb.append("import io.cocoon4j.chain.TvmValue;\n");
        sb.append("import io.cocoon4j.contracts.Contracts;\n");
        sb.append("import io.cocoon4j.tlb.runtime.*;\n");
        sb.append("import io.cocoon4j.wrappers.ContractDeployException;\n");
        sb.append("import io.cocoon4j.wrappers.GetMethodStack;\n");
        sb.append("import io.cocoon4j.wrappers.QueryIds;\n");
        sb.append("import java.math.BigInteger;\n");
        sb.append("import java.util.List;\n");
        sb.append("import java.util.Map;\n");
        sb.append("import java.util.Optional;\n");
        sb.append("import org.ton.ton4j.address.Address;\n");
        sb.append("import org.ton.ton4j.cell.Cell;\n");
        sb.append("import org.ton.ton4j.tlb.StateInit;\n\n");
        sb.append("/**\n * Typed client of the {@code ").append(contract).append("} contract, generated from ")
                .append(contract).append(".tlb and its get-method comments.\n *\n")
                .append(" * <p>Messages are built and read only through the generated TL-B types of this package;\n")
                .append(" * every {@code send…} method sends one internal message through a {@link Sender} (a wallet)\n")
                .append(" * and returns the query id it used with the whole {@link Trace}.\n */\n");
        sb.append("public final class ").append(cls).append(" {\n");
        sb.append("    /** The contract's name in {@link Contracts}. */\n");
        sb.append("    public static final String NAME = \"").append(contract).append("\";\n\n");
        sb.append("    private final TonChain chain;\n    private final Address address;\n");
        sb.append("    private final QueryIds queryIds;\n\n");
        sb.append("    /** The result of a {@code send…}: the query id the message carried (0 when it has none) and the trace. */\n");
        sb.append("    public record Sent(long queryId, Trace trace) {}\n\n");
        sb.append("    /** A client of the contract at {@code address}; nothing is sent or read yet. */\n");
        sb.append("    public ").append(cls).append("(TonChain chain, Address address) {\n");
        sb.append("        this.chain = chain;\n        this.address = address;\n");
        sb.append("        this.queryIds = QueryIds.startingAt(chain.now());\n    }\n\n");
        sb.append("    public Address address() {\n        return address;\n    }\n\n");
        sb.append("    /** The compiled code cell. */\n");
        sb.append("    public static Cell code() {\n        return Cell.fromBoc(Contracts.load(NAME).codeBoc());\n    }\n\n");
        String dataType = storage != null ? storage : "Cell";
        String dataCell = storage != null ? "initialData.toCell()" : "initialData";
        sb.append("    /** The StateInit of a new contract with this initial data. */\n");
        sb.append("    public static StateInit stateInit(").append(dataType).append(" initialData) {\n");
        sb.append("        return Messages.stateInit(code(), ").append(dataCell).append(");\n    }\n\n");
        sb.append("    /** The address a contract with this initial data has (workchain 0): the hash of its StateInit. */\n");
        sb.append("    public static Address addressOf(").append(dataType).append(" initialData) {\n");
        sb.append("        return Messages.addressOf(stateInit(initialData), 0);\n    }\n\n");
        sb.append("    /**\n     * Deploys a new contract with {@code value} nanotons from {@code via}.\n     *\n")
                .append("     * @throws ContractDeployException when the account is not active afterwards (the trace says why)\n     */\n");
        sb.append("    public static ").append(cls).append(" deploy(TonChain chain, Sender via, ").append(dataType)
                .append(" initialData, BigInteger value) {\n");
        sb.append("        StateInit init = stateInit(initialData);\n");
        sb.append("        Trace trace = via.send(Transfer.deploy(init, value, null));\n");
        sb.append("        Address address = Messages.addressOf(init, 0);\n");
        sb.append("        if (!chain.account(address).isActive()) {\n");
        sb.append("            throw new ContractDeployException(NAME, address, trace);\n        }\n");
        sb.append("        return new ").append(cls).append("(chain, address);\n    }\n\n");
        if (storage != null) {
            sb.append("    /**\n     * The contract's persistent data, decoded.\n     *\n")
                    .append("     * @throws ContractDeployException when the account is not active\n")
                    .append("     * @throws TlbDecodeException when the data does not match {@code ").append(upper)
                    .append("Storage}\n     */\n");
            sb.append("    public ").append(storage).append(" storage() {\n");
            sb.append("        Cell data = chain.account(address).data()\n");
            sb.append("                .orElseThrow(() -> new ContractDeployException(NAME, address, null));\n");
            sb.append("        return ").append(storage).append(".fromCell(data);\n    }\n\n");
        }
        sb.append("    /** The balance in nanotons. */\n");
        sb.append("    public BigInteger balance() {\n        return chain.account(address).balance();\n    }\n\n");
        if (msg != null) {
            messages(sb, msg);
        }
        if (external != null) {
            sb.append("    /** Sends a signed external message to the contract. */\n");
            sb.append("    public Trace sendExternal(").append(external).append(" message) {\n");
            sb.append("        return chain.sendExternal(address, null, message.toCell());\n    }\n\n");
        }
        for (GetMethod g : getters) {
            getter(sb, g);
        }
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
        return sb.toString();
    }

    private void messages(StringBuilder sb, String msg) {
        sb.append("    /** Sends any {@code ").append(upper).append("Msg} as the body of an internal message. */\n");
        sb.append("    public Trace send(Sender via, BigInteger value, boolean bounce, ").append(msg).append(" body) {\n");
        sb.append("        return via.send(new Transfer(address, value, bounce, body.toCell(), null, Transfer.DEFAULT_MODE));\n");
        sb.append("    }\n\n");
        List<Constructor> cs = types.constructorsOf(upper + "Msg");
        List<String> records = types.recordNamesOf(upper + "Msg");
        for (int i = 0; i < cs.size(); i++) {
            Constructor c = cs.get(i);
            String record = cs.size() == 1 ? msg : msg + "." + records.get(i);
            List<Component> comps = types.components(c);
            List<String> params = new ArrayList<>();
            List<String> args = new ArrayList<>();
            boolean hasQuery = false;
            for (Component k : comps) {
                if ("query_id".equals(k.tlbName())) {
                    hasQuery = true;
                    args.add(k.javaType().equals("long") ? "queryId" : "BigInteger.valueOf(queryId)");
                } else {
                    params.add(k.javaType() + " " + k.javaName());
                    args.add(k.javaName());
                }
            }
            sb.append("    /**\n     * Sends {@code ").append(javadocSafe(c.source())).append("}")
                    .append(hasQuery ? ", with a fresh query id" : "").append(", bounceable.\n     */\n");
            String suffix = c.name() != null ? Names.upperCamel(c.name()) : records.get(i);
            sb.append("    public Sent send").append(suffix).append("(Sender via, BigInteger value");
            params.forEach(p -> sb.append(", ").append(p));
            sb.append(") {\n");
            sb.append("        long queryId = ").append(hasQuery ? "queryIds.next()" : "0").append(";\n");
            sb.append("        Trace trace = send(via, value, true, new ").append(record).append("(")
                    .append(String.join(", ", args)).append("));\n");
            sb.append("        return new Sent(queryId, trace);\n    }\n\n");
        }
    }

    private static String javadocSafe(String s) {
        return s.replace("*/", "*&#47;").replace("@", "{@literal @}");
    }

    /** Java type and stack read for one get-method result. */
    private String[] stackType(Item item, GetMethod g) {
        String t = item.type();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(u?int)(\\d+)").matcher(t);
        if (m.matches()) {
            int bits = Integer.parseInt(m.group(2));
            boolean small = m.group(1).equals("uint") ? bits <= 63 : bits <= 64;
            return small ? new String[] {"long", "longAt"} : new String[] {"BigInteger", "intAt"};
        }
        switch (t) {
            case "Bool":
                return new String[] {"boolean", "boolAt"};
            case "Coins", "Grams":
                if (types.javaName(t) == null) {
                    return new String[] {"BigInteger", "intAt"};
                }
                break;
            case "Cell":
                return new String[] {"Cell", "cellAt"};
            case "MsgAddress", "MsgAddressInt", "MsgAddressExt":
                if (types.javaName(t) == null) {
                    return new String[] {"MsgAddress", "addressAt"};
                }
                break;
            default:
                break;
        }
        String j = types.javaName(t);
        if (j == null) {
            throw new TlbSchemaException(g.pos(), "get-method " + g.name() + ": unsupported type '" + t + "'");
        }
        return new String[] {j, "decodeAt"};
    }

    private String argValue(Item item, GetMethod g) {
        String[] st = stackType(item, g);
        String n = Names.lowerCamel(item.name());
        return switch (st[0]) {
            case "long" -> "TvmValue.of(" + n + ")";
            case "BigInteger" -> "TvmValue.of(" + n + ")";
            case "boolean" -> "TvmValue.of(" + n + " ? -1 : 0)";
            case "Cell" -> "TvmValue.cell(" + n + ")";
            case "MsgAddress" -> "GetMethodStack.slice(" + n + ".bits())";
            default -> "TvmValue.slice(" + n + ".toCell())";
        };
    }

    private void getter(StringBuilder sb, GetMethod g) {
        String method = Names.lowerCamel(g.name());
        List<String> params = new ArrayList<>();
        List<String> args = new ArrayList<>();
        for (Item a : g.args()) {
            params.add(stackType(a, g)[0] + " " + Names.lowerCamel(a.name()));
            args.add(argValue(a, g));
        }
        List<String[]> results = new ArrayList<>();
        for (Item r : g.results()) {
            results.add(stackType(r, g));
        }
        String resultType;
        if (results.size() == 1) {
            resultType = results.get(0)[0];
        } else {
            resultType = Names.upperCamel(g.name()) + "Result";
            List<String> comps = new ArrayList<>();
            for (int i = 0; i < results.size(); i++) {
                comps.add(results.get(i)[0] + " " + Names.lowerCamel(g.results().get(i).name()));
            }
            sb.append("    /** What {@code ").append(g.name()).append("} returns. */\n");
            sb.append("    public record ").append(resultType).append("(").append(String.join(", ", comps))
                    .append(") {}\n\n");
        }
        sb.append("    /**\n     * Runs the get-method {@code ").append(g.name()).append("}.\n     *\n")
                .append("     * @throws io.cocoon4j.chain.GetMethodException when it fails on the chain\n")
                .append("     * @throws TlbDecodeException when its stack is not what the declaration says\n     */\n");
        sb.append("    public ").append(resultType).append(' ').append(method).append("(")
                .append(String.join(", ", params)).append(") {\n");
        sb.append("        GetMethodStack stack = GetMethodStack.of(\"").append(g.name()).append("\", chain.runGetMethod(address, \"")
                .append(g.name()).append("\", List.of(").append(String.join(", ", args)).append(")), ")
                .append(results.size()).append(");\n");
        List<String> reads = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            String[] st = results.get(i);
            String name = g.results().get(i).name();
            reads.add(st[1].equals("decodeAt")
                    ? "stack.decodeAt(" + i + ", \"" + name + "\", " + st[0] + "::load)"
                    : "stack." + st[1] + "(" + i + ", \"" + name + "\")");
        }
        if (results.size() == 1) {
            sb.append("        return ").append(reads.get(0)).append(";\n");
        } else {
            sb.append("        return new ").append(resultType).append("(").append(String.join(", ", reads)).append(");\n");
        }
        sb.append("    }\n\n");
    }
}
