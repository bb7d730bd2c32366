package io.cocoon4j.network.toncenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.network.local.BlockId;
import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;
import org.ton.ton4j.cell.CellBuilder;

/**
 * Chain values in toncenter v2's JSON shapes ({@code ton.blockIdExt}, {@code raw.fullAccountState},
 * {@code raw.transaction}, {@code raw.message}, the {@code runGetMethod} stack), and the stack
 * arguments clients send, back into {@link TvmValue}s. Both directions are used: by the endpoint to
 * answer, by the network chain to read the answers.
 */
public final class ToncenterJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The masterchain's one shard, as toncenter writes it. */
    static final String MASTER_SHARD = "-9223372036854775808";

    private ToncenterJson() {}

    static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    static String b64(Hash32 h) {
        return b64(h.bytes());
    }

    static String boc(Cell c) {
        return b64(c.toBoc(false));
    }

    /** The user-friendly form toncenter writes: bounceable, URL-safe. */
    public static String friendly(Address a) {
        return a.toString(true, true, true, false);
    }

    static ObjectNode blockId(BlockId b) {
        ObjectNode o = F.objectNode();
        o.put("@type", "ton.blockIdExt");
        o.put("workchain", -1);
        o.put("shard", MASTER_SHARD);
        o.put("seqno", b.seqno());
        o.put("root_hash", b64(b.rootHash()));
        o.put("file_hash", b64(b.rootHash()));
        return o;
    }

    static ObjectNode transactionId(BigInteger lt, Hash32 hash) {
        ObjectNode o = F.objectNode();
        o.put("@type", "internal.transactionId");
        o.put("lt", lt.toString());
        o.put("hash", b64(hash));
        return o;
    }

    /** toncenter's account state word: {@code active}, {@code uninitialized} (also for a never-used address) or {@code frozen}. */
    static String stateWord(AccountState.Status s) {
        switch (s) {
            case ACTIVE:
                return "active";
            case FROZEN:
                return "frozen";
            default:
                return "uninitialized";
        }
    }

    static ObjectNode addressInformation(AccountState a, BlockId block) {
        ObjectNode o = F.objectNode();
        o.put("@type", "raw.fullAccountState");
        o.put("balance", a.balance().toString());
        o.set("extra_currencies", F.arrayNode());
        o.put("code", a.code().map(ToncenterJson::boc).orElse(""));
        o.put("data", a.data().map(ToncenterJson::boc).orElse(""));
        o.set("last_transaction_id", transactionId(a.lastTransactionLt(), a.lastTransactionHash()));
        o.set("block_id", blockId(block));
        o.put("frozen_hash", "");
        o.put("sync_utime", block.utime());
        o.put("state", stateWord(a.status()));
        return o;
    }

    static ObjectNode message(ChainMessage m) {
        ObjectNode o = F.objectNode();
        o.put("@type", "raw.message");
        o.put("hash", b64(m.hash()));
        o.put("source", m.source().map(ToncenterJson::friendly).orElse(""));
        o.put("destination", m.destination().map(ToncenterJson::friendly).orElse(""));
        o.put("value", m.value().toString());
        o.set("extra_currencies", F.arrayNode());
        o.put("fwd_fee", m.forwardFee().toString());
        o.put("ihr_fee", "0");
        o.put("created_lt", m.createdLt().toString());
        o.put("body_hash", b64(m.body().getHash()));
        ObjectNode data = o.putObject("msg_data");
        data.put("@type", "msg.dataRaw");
        data.put("body", boc(m.body()));
        data.put("init_state", m.init().map(i -> boc(Messages.stateInitCell(i))).orElse(""));
        o.put("message", "");
        return o;
    }

    static ObjectNode transaction(ChainTransaction t) {
        ObjectNode o = F.objectNode();
        o.put("@type", "raw.transaction");
        ObjectNode addr = o.putObject("address");
        addr.put("@type", "accountAddress");
        addr.put("account_address", friendly(t.account()));
        o.put("utime", t.now());
        o.put("data", boc(t.cell()));
        o.set("transaction_id", transactionId(t.lt(), t.hash()));
        o.put("fee", t.totalFees().toString());
        o.put("storage_fee", "0");
        o.put("other_fee", t.totalFees().toString());
        t.inMessage().ifPresent(m -> o.set("in_msg", message(m)));
        ArrayNode out = o.putArray("out_msgs");
        t.outMessages().forEach(m -> out.add(message(m)));
        return o;
    }

    // ---- get-method stacks

    /** A result stack entry: {@code ["num", "0x…"]}, {@code ["cell", {"bytes": …}]}, {@code ["tuple", {…}]}, … */
    static ArrayNode stackEntry(TvmValue v) {
        ArrayNode e = F.arrayNode();
        if (v instanceof TvmValue.Int i) {
            e.add("num").add(hex(i.value()));
        } else if (v instanceof TvmValue.CellValue c) {
            e.add("cell").add(bytesObject(c.cell()));
        } else if (v instanceof TvmValue.SliceValue s) {
            e.add("slice").add(bytesObject(s.cell()));
        } else if (v instanceof TvmValue.BuilderValue b) {
            e.add("builder").add(bytesObject(b.cell()));
        } else if (v instanceof TvmValue.Tuple t) {
            e.add("tuple").add(tupleObject(t.items()));
        } else if (v instanceof TvmValue.Null) {
            e.add("null");
        } else {
            e.add("unsupported");
        }
        return e;
    }

    private static String hex(BigInteger v) {
        return (v.signum() < 0 ? "-0x" : "0x") + v.abs().toString(16);
    }

    private static ObjectNode bytesObject(Cell c) {
        ObjectNode o = F.objectNode();
        o.put("bytes", boc(c));
        o.set("object", F.objectNode());
        return o;
    }

    private static ObjectNode tupleObject(List<TvmValue> items) {
        ObjectNode o = F.objectNode();
        o.put("@type", "tvm.tuple");
        ArrayNode elements = o.putArray("elements");
        for (TvmValue item : items) {
            elements.add(tupleElement(item));
        }
        return o;
    }

    private static ObjectNode tupleElement(TvmValue v) {
        ObjectNode o = F.objectNode();
        if (v instanceof TvmValue.Int i) {
            o.put("@type", "tvm.stackEntryNumber");
            ObjectNode n = o.putObject("number");
            n.put("@type", "tvm.numberDecimal");
            n.put("number", i.value().toString());
        } else if (v instanceof TvmValue.CellValue c) {
            o.put("@type", "tvm.stackEntryCell");
            ObjectNode n = o.putObject("cell");
            n.put("@type", "tvm.cell");
            n.put("bytes", boc(c.cell()));
        } else if (v instanceof TvmValue.SliceValue s) {
            o.put("@type", "tvm.stackEntrySlice");
            ObjectNode n = o.putObject("slice");
            n.put("@type", "tvm.slice");
            n.put("bytes", boc(s.cell()));
        } else if (v instanceof TvmValue.Tuple t) {
            o.put("@type", "tvm.stackEntryTuple");
            o.set("tuple", tupleObject(t.items()));
        } else {
            o.put("@type", "tvm.stackEntryUnsupported");
        }
        return o;
    }

    /** Parses a result stack (as the endpoint writes it, or as toncenter does) back into values. */
    public static List<TvmValue> parseResultStack(JsonNode stack) {
        List<TvmValue> out = new ArrayList<>();
        for (JsonNode e : stack) {
            out.add(parseResultEntry(e));
        }
        return out;
    }

    private static TvmValue parseResultEntry(JsonNode e) {
        String type = e.path(0).asText();
        JsonNode v = e.path(1);
        switch (type) {
            case "num":
                return new TvmValue.Int(parseInt(v.asText()));
            case "cell":
                return new TvmValue.CellValue(cellOf(v.path("bytes").asText()));
            case "slice":
                return new TvmValue.SliceValue(cellOf(v.path("bytes").asText()));
            case "builder":
                return new TvmValue.BuilderValue(cellOf(v.path("bytes").asText()));
            case "null":
                return new TvmValue.Null();
            case "tuple":
            case "list":
                List<TvmValue> items = new ArrayList<>();
                for (JsonNode el : v.path("elements")) {
                    items.add(parseTupleElement(el));
                }
                return new TvmValue.Tuple(items);
            default:
                throw new ToncenterError(500, "unsupported stack entry type '" + type + "' in a get-method result");
        }
    }

    private static TvmValue parseTupleElement(JsonNode el) {
        switch (el.path("@type").asText()) {
            case "tvm.stackEntryNumber":
                return new TvmValue.Int(new BigInteger(el.path("number").path("number").asText()));
            case "tvm.stackEntryCell":
                return new TvmValue.CellValue(cellOf(el.path("cell").path("bytes").asText()));
            case "tvm.stackEntrySlice":
                return new TvmValue.SliceValue(cellOf(el.path("slice").path("bytes").asText()));
            case "tvm.stackEntryTuple":
                return parseResultEntry(F.arrayNode().add("tuple").add(el.path("tuple")));
            case "tvm.stackEntryList":
                return parseResultEntry(F.arrayNode().add("list").add(el.path("list")));
            default:
                return new TvmValue.Null();
        }
    }

    /** A get-method argument as clients send it: {@code ["num", "123" | "0x7b" | 123]}, {@code ["tvm.Cell", BOC]}, {@code ["tvm.Slice", BOC]}, … */
    static TvmValue parseArgument(JsonNode e) {
        if (!e.isArray() || e.size() < 1) {
            throw new ToncenterError(400, "a stack entry is a [type, value] pair; got " + e);
        }
        String type = e.get(0).asText();
        JsonNode v = e.path(1);
        String bocText = v.isObject() ? v.path("bytes").asText() : v.asText();
        switch (type) {
            case "num":
            case "int":
                return new TvmValue.Int(v.isNumber() ? v.bigIntegerValue() : parseInt(v.asText()));
            case "tvm.Cell":
            case "cell":
                return new TvmValue.CellValue(cellOf(bocText));
            case "tvm.Slice":
            case "slice":
                return new TvmValue.SliceValue(cellOf(bocText));
            case "tvm.Builder":
            case "builder":
                return new TvmValue.BuilderValue(cellOf(bocText));
            case "null":
                return new TvmValue.Null();
            default:
                throw new ToncenterError(400, "unsupported stack entry type '" + type + "'");
        }
    }

    /** Serialises arguments the way {@code @ton/ton} sends them. */
    public static ArrayNode arguments(List<TvmValue> args) {
        ArrayNode out = F.arrayNode();
        for (TvmValue v : args) {
            ArrayNode e = out.addArray();
            if (v instanceof TvmValue.Int i) {
                e.add("num").add(i.value().toString());
            } else if (v instanceof TvmValue.CellValue c) {
                e.add("tvm.Cell").add(boc(c.cell()));
            } else if (v instanceof TvmValue.SliceValue s) {
                e.add("tvm.Slice").add(boc(s.cell()));
            } else if (v instanceof TvmValue.BuilderValue b) {
                e.add("tvm.Builder").add(boc(b.cell()));
            } else {
                throw new IllegalArgumentException("toncenter v2 get-method arguments are numbers, cells, slices and"
                        + " builders; got " + v.getClass().getSimpleName());
            }
        }
        return out;
    }

    static BigInteger parseInt(String s) {
        try {
            String t = s.trim();
            boolean neg = t.startsWith("-");
            if (neg) {
                t = t.substring(1);
            }
            BigInteger v = t.startsWith("0x") || t.startsWith("0X") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
            return neg ? v.negate() : v;
        } catch (NumberFormatException e) {
            throw new ToncenterError(400, "not an integer: '" + s + "'");
        }
    }

    static Cell cellOf(String base64) {
        try {
            return Cell.fromBoc(Base64.getDecoder().decode(base64));
        } catch (RuntimeException e) {
            throw new ToncenterError(400, "not a base64 BoC: " + e.getMessage());
        }
    }

    /**
     * The normalized hash of an external inbound message (TEP-467): source and import fee cleared,
     * no StateInit, the body as a reference. Stable across re-encodings of the same message.
     */
    public static Hash32 normalizedHash(ChainMessage ext) {
        Cell norm = CellBuilder.beginCell()
                .storeUint(0b10, 2)
                .storeUint(0, 2)
                .storeAddress(ext.destination().orElseThrow())
                .storeCoins(BigInteger.ZERO)
                .storeBit(false)
                .storeBit(true)
                .storeRef(CellBuilder.beginCell().storeCell(ext.body()).endCell()) // re-built: parsed bodies lack depth data
                .endCell();
        return Hash32.of(norm.getHash());
    }
}
