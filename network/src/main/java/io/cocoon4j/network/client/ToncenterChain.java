package io.cocoon4j.network.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.cocoon4j.chain.AccountNotFoundException;
import io.cocoon4j.chain.AccountState;
import io.cocoon4j.chain.ChainMessage;
import io.cocoon4j.chain.ChainTransaction;
import io.cocoon4j.chain.ChainUnavailableException;
import io.cocoon4j.chain.GetMethodException;
import io.cocoon4j.chain.GetMethodResult;
import io.cocoon4j.chain.MalformedMessageException;
import io.cocoon4j.chain.MessageRejectedException;
import io.cocoon4j.chain.Messages;
import io.cocoon4j.chain.TonChain;
import io.cocoon4j.chain.Trace;
import io.cocoon4j.chain.TransactionParser;
import io.cocoon4j.chain.TvmValue;
import io.cocoon4j.network.toncenter.ToncenterError;
import io.cocoon4j.network.toncenter.ToncenterJson;
import io.cocoon4j.protocol.Hash32;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ton.ton4j.address.Address;
import org.ton.ton4j.cell.Cell;

/**
 * A {@link TonChain} on a real network (testnet, mainnet, a local network started by
 * {@code cocoon up}, any toncenter v2 endpoint), through {@link ToncenterClient}.
 *
 * <p>Sending: every external message is tracked by its hash ({@link #sentMessages()}). The same
 * bytes are resent after a lost answer, never re-signed; when the chain then refuses the resend (its
 * seqno is used), the message is looked up by hash among the destination's transactions first, so a
 * message that landed counts as sent and nothing is paid twice. After the send, the call waits until
 * the message's transaction appears (or {@link NetworkEndpoint#landTimeout()} passes: {@code EXPIRED})
 * and then follows every internal message it caused, so the returned {@link Trace} is complete as on
 * the local chain.
 */
public final class ToncenterChain implements TonChain {
    private static final int MAX_TRACE = 256;
    private static final int PAGE = 100;
    private static final Pattern EXIT_CODE = Pattern.compile("exit(?:_| )code:? ?(-?\\d+)");

    private final ToncenterClient client;
    private final Duration poll;
    private final Map<Hash32, SentMessage> sent = new ConcurrentHashMap<>();
    private volatile long lastSyncUtime;

    public ToncenterChain(ToncenterClient client) {
        this.client = client;
        this.poll = client.endpoint().isLocal() ? Duration.ofMillis(50) : Duration.ofSeconds(2);
    }

    /** A chain on {@code endpoint} over the JDK's HTTP client. */
    public static ToncenterChain connect(NetworkEndpoint endpoint) {
        return new ToncenterChain(new ToncenterClient(endpoint, HttpTransport.jdk(Duration.ofSeconds(10))));
    }

    public NetworkEndpoint endpoint() {
        return client.endpoint();
    }

    /** Every message sent through this chain object, with where it stands. */
    public Collection<SentMessage> sentMessages() {
        return List.copyOf(sent.values());
    }

    /** The masterchain's newest seqno (it advances as the network processes messages). */
    public long masterchainSeqno() {
        return client.call("getMasterchainInfo", Map.of()).path("last").path("seqno").asLong();
    }

    // ---- sending

    @Override
    public Trace sendExternal(Cell message) {
        ChainMessage parsed = Messages.parse(message);
        if (parsed.kind() != ChainMessage.Kind.EXTERNAL_IN) {
            throw new MalformedMessageException("expected an external inbound message, got " + parsed.kind());
        }
        Address dest = parsed.destination()
                .orElseThrow(() -> new MalformedMessageException("the external message has no destination"));
        Hash32 hash = Hash32.of(message.getHash());
        long start = System.currentTimeMillis();
        sent.putIfAbsent(hash, new SentMessage(hash, dest, start / 1000, SentMessage.Status.PENDING, Optional.empty()));
        Optional<ChainTransaction> root = findLanded(dest, hash); // a caller retrying a message that already landed
        if (root.isEmpty()) {
            try {
                client.call("sendBoc", Map.of("boc", Base64.getEncoder().encodeToString(message.toBoc(false))));
            } catch (ToncenterError e) {
                // A resend after a lost answer is refused once the first copy landed: look before failing.
                root = findLanded(dest, hash);
                if (root.isEmpty()) {
                    mark(hash, SentMessage.Status.REJECTED, Optional.empty());
                    throw sendError(dest, e);
                }
            }
        }
        ChainTransaction first = root.isPresent() ? root.get() : awaitLanded(dest, hash, start);
        mark(hash, SentMessage.Status.LANDED, Optional.of(first.hash()));
        return follow(first, start);
    }

    private RuntimeException sendError(Address dest, ToncenterError e) {
        if (e.code() == 400) {
            return new MalformedMessageException(client.endpoint().name() + " refused the message: " + e.getMessage());
        }
        Matcher m = EXIT_CODE.matcher(e.getMessage());
        int exit = m.find() ? Integer.parseInt(m.group(1)) : -1;
        return new MessageRejectedException("external message to " + dest.toRaw() + " rejected by "
                + client.endpoint().name() + ": " + e.getMessage(), exit);
    }

    private void mark(Hash32 hash, SentMessage.Status s, Optional<Hash32> tx) {
        sent.computeIfPresent(hash, (k, v) -> v.with(s, tx));
    }

    private ChainTransaction awaitLanded(Address dest, Hash32 hash, long startMs) {
        long deadline = startMs + client.endpoint().landTimeout().toMillis();
        while (System.currentTimeMillis() < deadline) {
            sleep(poll);
            Optional<ChainTransaction> t = findLanded(dest, hash);
            if (t.isPresent()) {
                return t.get();
            }
        }
        mark(hash, SentMessage.Status.EXPIRED, Optional.empty());
        throw new ChainUnavailableException("message " + hash.hex() + " to " + dest.toRaw() + " was accepted by "
                + client.endpoint().name() + " but not seen in a transaction within "
                + client.endpoint().landTimeout().toSeconds() + " s; it cannot land after its valid-until time:"
                + " check the wallet's seqno before signing again");
    }

    private Optional<ChainTransaction> findLanded(Address dest, Hash32 hash) {
        for (ChainTransaction t : transactions(dest, 16)) {
            if (t.inMessage().map(m -> m.hash().equals(hash)).orElse(false)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Follows the internal messages of {@code root}'s trace, breadth first, as the local chain orders them. */
    private Trace follow(ChainTransaction root, long startMs) {
        List<ChainTransaction> out = new ArrayList<>();
        ArrayDeque<ChainTransaction> queue = new ArrayDeque<>();
        queue.add(root);
        long deadline = startMs + client.endpoint().landTimeout().toMillis();
        while (!queue.isEmpty() && out.size() < MAX_TRACE) {
            ChainTransaction t = queue.poll();
            out.add(t);
            for (ChainMessage m : t.outMessages()) {
                if (m.kind() == ChainMessage.Kind.INTERNAL && m.destination().isPresent()) {
                    queue.add(locate(t.account(), m, deadline));
                }
            }
        }
        return new Trace(out);
    }

    private ChainTransaction locate(Address source, ChainMessage m, long deadlineMs) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("source", source.toRaw());
        p.put("destination", m.destination().orElseThrow().toRaw());
        p.put("created_lt", m.createdLt().toString());
        while (true) {
            try {
                return parse(client.call("tryLocateResultTx", p));
            } catch (ToncenterError e) {
                if (System.currentTimeMillis() > deadlineMs) {
                    throw new ChainUnavailableException("the message from " + source.toRaw() + " to "
                            + m.destination().get().toRaw() + " (lt " + m.createdLt() + ") was not processed within "
                            + client.endpoint().landTimeout().toSeconds() + " s: " + e.getMessage());
                }
                sleep(poll);
            }
        }
    }

    // ---- reads

    @Override
    public AccountState account(Address address) {
        JsonNode r = client.call("getAddressInformation", Map.of("address", address.toRaw()));
        lastSyncUtime = Math.max(lastSyncUtime, r.path("sync_utime").asLong());
        BigInteger balance = new BigInteger(r.path("balance").asText("0"));
        BigInteger lt = new BigInteger(r.path("last_transaction_id").path("lt").asText("0"));
        String hashText = r.path("last_transaction_id").path("hash").asText("");
        Hash32 lastHash = hashText.isEmpty() ? Hash32.ZERO : Hash32.of(Base64.getDecoder().decode(hashText));
        Optional<Cell> code = cell(r.path("code").asText(""));
        Optional<Cell> data = cell(r.path("data").asText(""));
        AccountState.Status status;
        switch (r.path("state").asText()) {
            case "active":
                status = AccountState.Status.ACTIVE;
                break;
            case "frozen":
                status = AccountState.Status.FROZEN;
                break;
            default:
                status = balance.signum() == 0 && lt.signum() == 0 ? AccountState.Status.NONEXIST : AccountState.Status.UNINIT;
                break;
        }
        return new AccountState(address, status, balance, code, data, lt, lastHash);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, String method, List<TvmValue> args) {
        return get(address, method, method, args);
    }

    @Override
    public GetMethodResult runGetMethod(Address address, long methodId, List<TvmValue> args) {
        return get(address, methodId, "#" + methodId, args);
    }

    private GetMethodResult get(Address address, Object method, String label, List<TvmValue> args) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("address", address.toRaw());
        p.put("method", method);
        p.put("stack", ToncenterJson.arguments(args));
        JsonNode r = client.call("runGetMethod", p);
        int exit = r.path("exit_code").asInt();
        long gas = r.path("gas_used").asLong();
        if (exit == -13) {
            throw new AccountNotFoundException(address, "no active contract there (get-method " + label + ")");
        }
        if (exit != 0 && exit != 1) {
            throw new GetMethodException(label, exit, gas);
        }
        return new GetMethodResult(exit, gas, ToncenterJson.parseResultStack(r.path("stack")));
    }

    @Override
    public List<ChainTransaction> transactions(Address address, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        List<ChainTransaction> out = new ArrayList<>();
        ChainTransaction last = null;
        while (out.size() < limit) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("address", address.toRaw());
            int want = Math.min(PAGE, limit - out.size() + (last == null ? 0 : 1));
            p.put("limit", want);
            if (last != null) {
                p.put("lt", last.lt().toString());
                p.put("hash", last.hash().hex());
            }
            JsonNode page = client.call("getTransactions", p);
            int added = 0;
            for (JsonNode t : page) {
                ChainTransaction tx = parse(t);
                if (last != null && tx.hash().equals(last.hash())) {
                    continue; // pages start at the transaction they were asked from
                }
                out.add(tx);
                added++;
                if (out.size() == limit) {
                    break;
                }
            }
            if (added == 0 || page.size() < want) {
                break;
            }
            last = out.get(out.size() - 1);
        }
        return out;
    }

    private static ChainTransaction parse(JsonNode t) {
        Cell cell = Cell.fromBoc(Base64.getDecoder().decode(t.path("data").asText()));
        String account = t.path("address").path("account_address").asText("");
        int wc = account.isEmpty() ? 0 : Address.of(account).wc;
        return TransactionParser.parse(cell, wc);
    }

    private static Optional<Cell> cell(String b64) {
        return b64.isEmpty() ? Optional.empty() : Optional.of(Cell.fromBoc(Base64.getDecoder().decode(b64)));
    }

    /** The wall clock, or the network's last block time when that is ahead (a local network whose time was moved on). */
    @Override
    public long now() {
        return Math.max(System.currentTimeMillis() / 1000, lastSyncUtime);
    }

    @Override
    public void close() {
        // The JDK client holds no resources that outlive it.
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChainUnavailableException("interrupted while waiting for the network");
        }
    }
}
