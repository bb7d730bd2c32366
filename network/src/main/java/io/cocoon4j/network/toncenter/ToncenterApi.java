package io.cocoon4j.network.toncenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cocoon4j.chain.AccountNotFoundException;
import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainException;
import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.GetMethodException;
import io.cocoon4j.chain.GetMethodResult;
import io.cocoon4j.chain.MalformedMessageException;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.network.local.LocalNetwork;
import io.cocoon4j.network.wallet.WalletKind;
import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * The toncenter v2 methods, answered from a {@link LocalNetwork}: one {@link #call} for the
 * JSON-RPC and the REST forms alike. Parameters arrive as a JSON object (REST query parameters as
 * strings); results are toncenter's JSON shapes; failures are {@link ToncenterError}s.
 */
public final class ToncenterApi {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final int DEFAULT_TX_LIMIT = 10;
    private static final int MAX_TX_LIMIT = 1000;

    private final LocalNetwork network;

    public ToncenterApi(LocalNetwork network) {
        this.network = network;
    }

    /** The methods this endpoint answers. */
    public static final List<String> METHODS = List.of("getMasterchainInfo", "getAddressInformation",
            "getExtendedAddressInformation", "getWalletInformation", "getAddressBalance", "getAddressState",
            "getTransactions", "runGetMethod", "sendBoc", "sendBocReturnHash", "estimateFee", "tryLocateTx",
            "tryLocateResultTx", "tryLocateSourceTx", "getConsensusBlock", "detectAddress");

    /** Runs one method. */
    public JsonNode call(String method, JsonNode params) {
        JsonNode p = params == null || params.isNull() ? F.objectNode() : params;
        try {
            switch (method) {
                case "getMasterchainInfo":
                    return masterchainInfo();
                case "getConsensusBlock":
                    ObjectNode c = F.objectNode();
                    c.put("consensus_block", network.lastBlock().seqno());
                    c.put("timestamp", (double) network.lastBlock().utime());
                    return c;
                case "getAddressInformation":
                    return ToncenterJson.addressInformation(network.account(address(p, "address")), network.lastBlock());
                case "getExtendedAddressInformation":
                    return extendedInformation(address(p, "address"));
                case "getWalletInformation":
                    return walletInformation(address(p, "address"));
                case "getAddressBalance":
                    return F.textNode(network.account(address(p, "address")).balance().toString());
                case "getAddressState":
                    return F.textNode(ToncenterJson.stateWord(network.account(address(p, "address")).status()));
                case "detectAddress":
                    return detectAddress(address(p, "address"));
                case "getTransactions":
                    return transactions(p);
                case "runGetMethod":
                    return runGetMethod(p);
                case "sendBoc":
                    send(p);
                    ObjectNode ok = F.objectNode();
                    ok.put("@type", "ok");
                    return ok;
                case "sendBocReturnHash":
                    ChainMessage sent = send(p);
                    ObjectNode info = F.objectNode();
                    info.put("@type", "raw.extMessageInfo");
                    info.put("hash", ToncenterJson.b64(sent.hash()));
                    info.put("hash_norm", ToncenterJson.b64(ToncenterJson.normalizedHash(sent)));
                    return info;
                case "estimateFee":
                    return estimateFee(p);
                case "tryLocateTx":
                case "tryLocateResultTx":
                    return locateResult(p);
                case "tryLocateSourceTx":
                    return locateSource(p);
                default:
                    throw new ToncenterError(404, "unknown method '" + method + "'; this endpoint answers " + METHODS);
            }
        } catch (MalformedMessageException e) {
            throw new ToncenterError(400, e.getMessage());
        } catch (ChainException e) {
            throw new ToncenterError(500, e.getMessage());
        }
    }

    private JsonNode masterchainInfo() {
        ObjectNode o = F.objectNode();
        o.put("@type", "blocks.masterchainInfo");
        o.set("last", ToncenterJson.blockId(network.lastBlock()));
        o.put("state_root_hash", ToncenterJson.b64(network.lastBlock().rootHash()));
        o.set("init", ToncenterJson.blockId(network.initBlock()));
        return o;
    }

    private JsonNode extendedInformation(Address a) {
        AccountState s = network.account(a);
        ObjectNode o = F.objectNode();
        o.put("@type", "fullAccountState");
        ObjectNode addr = o.putObject("address");
        addr.put("@type", "accountAddress");
        addr.put("account_address", ToncenterJson.friendly(a));
        o.put("balance", s.balance().toString());
        o.set("extra_currencies", F.arrayNode());
        o.set("last_transaction_id", ToncenterJson.transactionId(s.lastTransactionLt(), s.lastTransactionHash()));
        o.set("block_id", ToncenterJson.blockId(network.lastBlock()));
        o.put("sync_utime", network.lastBlock().utime());
        ObjectNode st = o.putObject("account_state");
        if (s.isActive()) {
            st.put("@type", "raw.accountState");
            st.put("code", s.code().map(ToncenterJson::boc).orElse(""));
            st.put("data", s.data().map(ToncenterJson::boc).orElse(""));
            st.put("frozen_hash", "");
        } else {
            st.put("@type", "uninited.accountState");
            st.put("frozen_hash", "");
        }
        o.put("revision", 0);
        return o;
    }

    private JsonNode walletInformation(Address a) {
        AccountState s = network.account(a);
        ObjectNode o = F.objectNode();
        Optional<WalletKind> kind = s.codeHash().flatMap(WalletKind::ofCodeHash);
        o.put("wallet", kind.isPresent());
        o.put("balance", s.balance().toString());
        o.put("account_state", ToncenterJson.stateWord(s.status()));
        if (kind.isPresent()) {
            o.put("wallet_type", kind.get().toncenterName());
            o.put("seqno", network.runGetMethod(a, "seqno", List.of()).get(0).asLong());
            o.put("wallet_id", network.runGetMethod(a, "get_subwallet_id", List.of()).get(0).asLong());
        }
        o.set("last_transaction_id", ToncenterJson.transactionId(s.lastTransactionLt(), s.lastTransactionHash()));
        return o;
    }

    private JsonNode detectAddress(Address a) {
        ObjectNode o = F.objectNode();
        o.put("@type", "ext.utils.detectedAddress");
        o.put("raw_form", a.toRaw());
        ObjectNode b = o.putObject("bounceable");
        b.put("b64url", a.toString(true, true, true, false));
        ObjectNode nb = o.putObject("non_bounceable");
        nb.put("b64url", a.toString(true, true, false, false));
        o.put("given_type", "raw_form");
        o.put("test_only", false);
        return o;
    }

    private JsonNode transactions(JsonNode p) {
        Address a = address(p, "address");
        long limit = optLong(p, "limit").orElse((long) DEFAULT_TX_LIMIT);
        if (limit < 1 || limit > MAX_TX_LIMIT) {
            throw new ToncenterError(400, "limit must be between 1 and " + MAX_TX_LIMIT + "; got " + limit);
        }
        Optional<Long> fromLt = optLong(p, "lt");
        Optional<Hash32> fromHash = optText(p, "hash").map(ToncenterApi::hash);
        long toLt = optLong(p, "to_lt").orElse(0L);
        ArrayNode out = F.arrayNode();
        boolean started = fromLt.isEmpty();
        for (ChainTransaction t : network.transactions(a, Integer.MAX_VALUE)) {
            if (!started) {
                if (t.lt().longValue() > fromLt.get()) {
                    continue;
                }
                if (t.lt().longValue() == fromLt.get() && fromHash.isPresent() && !t.hash().equals(fromHash.get())) {
                    throw new ToncenterError(404, "no transaction of " + a.toRaw() + " at lt " + fromLt.get()
                            + " has hash " + fromHash.get().hex());
                }
                started = true;
            }
            if (toLt != 0 && t.lt().longValue() <= toLt) {
                break;
            }
            out.add(ToncenterJson.transaction(t));
            if (out.size() == limit) {
                break;
            }
        }
        return out;
    }

    private JsonNode runGetMethod(JsonNode p) {
        Address a = address(p, "address");
        JsonNode m = p.path("method");
        if (m.isMissingNode() || m.isNull() || m.asText().isEmpty()) {
            throw new ToncenterError(400, "missing parameter 'method' (a get-method name or numeric id)");
        }
        List<TvmValue> args = new ArrayList<>();
        JsonNode stack = p.path("stack");
        if (stack.isTextual() && !stack.asText().isBlank()) {
            try {
                stack = new com.fasterxml.jackson.databind.ObjectMapper().readTree(stack.asText());
            } catch (java.io.IOException e) {
                throw new ToncenterError(400, "'stack' is not a JSON array");
            }
        }
        if (stack.isArray()) {
            for (JsonNode e : stack) {
                args.add(ToncenterJson.parseArgument(e));
            }
        }
        ObjectNode o = F.objectNode();
        o.put("@type", "smc.runResult");
        try {
            GetMethodResult r = m.isNumber() || m.asText().matches("-?\\d+")
                    ? network.runGetMethod(a, Long.parseLong(m.asText()), args)
                    : network.runGetMethod(a, m.asText(), args);
            o.put("gas_used", r.gasUsed());
            ArrayNode st = o.putArray("stack");
            r.stack().forEach(v -> st.add(ToncenterJson.stackEntry(v)));
            o.put("exit_code", r.exitCode());
        } catch (GetMethodException e) {
            o.put("gas_used", e.gasUsed());
            o.putArray("stack");
            o.put("exit_code", e.exitCode());
        } catch (AccountNotFoundException e) {
            // tonlib's answer for an account without code: no VM ran
            o.put("gas_used", 0);
            o.putArray("stack");
            o.put("exit_code", -13);
        }
        return o;
    }

    private ChainMessage send(JsonNode p) {
        byte[] boc = base64(p, "boc");
        Cell msg = Messages.fromBoc(boc);
        ChainMessage parsed = Messages.parse(msg);
        if (parsed.kind() != ChainMessage.Kind.EXTERNAL_IN) {
            throw new ToncenterError(400, "sendBoc takes an external inbound message; got " + parsed.kind());
        }
        try {
            network.sendExternal(msg);
        } catch (MessageRejectedException e) {
            throw new ToncenterError(500, "LITE_SERVER_UNKNOWN: cannot apply external message to current state : "
                    + "External message was not accepted: " + e.getMessage());
        }
        return parsed;
    }

    private JsonNode estimateFee(JsonNode p) {
        Address a = address(p, "address");
        Cell body = ToncenterJson.cellOf(requireText(p, "body"));
        Optional<Cell> code = optText(p, "init_code").filter(s -> !s.isEmpty()).map(ToncenterJson::cellOf);
        Optional<Cell> data = optText(p, "init_data").filter(s -> !s.isEmpty()).map(ToncenterJson::cellOf);
        org.ton.ton4j.tlb.StateInit init = code.isPresent() || data.isPresent()
                ? org.ton.ton4j.tlb.StateInit.builder().code(code.orElse(null)).data(data.orElse(null)).build() : null;
        Trace t;
        try {
            t = network.emulate(Messages.externalIn(a, init, body));
        } catch (MessageRejectedException e) {
            throw new ToncenterError(500, "cannot estimate the fee: " + e.getMessage()
                    + " (the local network checks signatures: estimate a signed message)");
        }
        ChainTransaction root = t.root();
        BigInteger gas = root.compute() instanceof ChainTransaction.ComputePhase.Vm vm ? vm.gasFees() : BigInteger.ZERO;
        BigInteger fwd = root.action().map(ChainTransaction.ActionPhase::totalForwardFees).orElse(BigInteger.ZERO);
        BigInteger action = root.action().map(ChainTransaction.ActionPhase::totalActionFees).orElse(BigInteger.ZERO);
        BigInteger inFwd = root.totalFees().subtract(gas).subtract(action).max(BigInteger.ZERO);
        ObjectNode o = F.objectNode();
        o.put("@type", "query.fees");
        ObjectNode fees = o.putObject("source_fees");
        fees.put("@type", "fees");
        fees.put("in_fwd_fee", inFwd.longValue());
        fees.put("storage_fee", 0);
        fees.put("gas_fee", gas.longValue());
        fees.put("fwd_fee", fwd.longValue());
        o.putArray("destination_fees");
        return o;
    }

    private JsonNode locateResult(JsonNode p) {
        Address source = address(p, "source");
        Address destination = address(p, "destination");
        BigInteger createdLt = BigInteger.valueOf(requireLong(p, "created_lt"));
        for (ChainTransaction t : network.transactions(destination, Integer.MAX_VALUE)) {
            Optional<ChainMessage> in = t.inMessage();
            if (in.isPresent() && in.get().createdLt().equals(createdLt) && in.get().source().filter(source::equals).isPresent()) {
                return ToncenterJson.transaction(t);
            }
        }
        throw new ToncenterError(404, "cannot locate the transaction of the message from " + source.toRaw() + " to "
                + destination.toRaw() + " created at lt " + createdLt);
    }

    private JsonNode locateSource(JsonNode p) {
        Address source = address(p, "source");
        Address destination = address(p, "destination");
        BigInteger createdLt = BigInteger.valueOf(requireLong(p, "created_lt"));
        for (ChainTransaction t : network.transactions(source, Integer.MAX_VALUE)) {
            for (ChainMessage m : t.outMessages()) {
                if (m.createdLt().equals(createdLt) && m.destination().filter(destination::equals).isPresent()) {
                    return ToncenterJson.transaction(t);
                }
            }
        }
        throw new ToncenterError(404, "cannot locate the transaction that sent a message from " + source.toRaw()
                + " to " + destination.toRaw() + " at lt " + createdLt);
    }

    // ---- parameters

    private static Address address(JsonNode p, String name) {
        String s = requireText(p, name);
        try {
            return Address.of(s);
        } catch (RuntimeException | Error e) { // ton4j signals a bad address with java.lang.Error
            throw new ToncenterError(416, "Incorrect address: '" + s + "' is neither a raw (wc:hex) nor a user-friendly address");
        }
    }

    private static String requireText(JsonNode p, String name) {
        return optText(p, name).orElseThrow(() -> new ToncenterError(400, "missing parameter '" + name + "'"));
    }

    private static Optional<String> optText(JsonNode p, String name) {
        JsonNode v = p.path(name);
        return v.isMissingNode() || v.isNull() ? Optional.empty() : Optional.of(v.asText());
    }

    private static Optional<Long> optLong(JsonNode p, String name) {
        return optText(p, name).filter(s -> !s.isEmpty()).map(s -> {
            try {
                return Long.parseLong(s);
            } catch (NumberFormatException e) {
                throw new ToncenterError(400, "parameter '" + name + "' is not an integer: '" + s + "'");
            }
        });
    }

    private static long requireLong(JsonNode p, String name) {
        return optLong(p, name).orElseThrow(() -> new ToncenterError(400, "missing parameter '" + name + "'"));
    }

    private static byte[] base64(JsonNode p, String name) {
        String s = requireText(p, name);
        try {
            return Base64.getDecoder().decode(s.trim());
        } catch (IllegalArgumentException e) {
            throw new ToncenterError(400, "parameter '" + name + "' is not base64");
        }
    }

    /** A transaction hash as clients send it: hex (64 digits) or base64. */
    private static Hash32 hash(String s) {
        try {
            if (s.matches("[0-9a-fA-F]{64}")) {
                return Hash32.of(HexFormat.of().parseHex(s));
            }
            return Hash32.of(Base64.getDecoder().decode(s.replace('-', '+').replace('_', '/')));
        } catch (IllegalArgumentException e) {
            throw new ToncenterError(400, "not a transaction hash (hex or base64): '" + s + "'");
        }
    }

}
