package io.cocoon4j.enclave.ratls;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/** One real TLS connection over loopback: a server thread echoes one byte, the client sends one. */
final class Loopback {

    /** What one side saw: the negotiated protocol and the attested peer, or the failure. */
    record Side(String protocol, Optional<RaTlsPeer> peer, int echoed, Throwable failure) {
        boolean ok() {
            return failure == null;
        }
    }

    record Outcome(Side client, Side server) {
    }

    private Loopback() {
    }

    static Outcome connect(SSLContext serverContext, boolean requireClientAttestation, SSLContext clientContext)
            throws Exception {
        return connectRepeatedly(serverContext, requireClientAttestation, clientContext, 1).get(0);
    }

    /** Several connections, one after another, to one server socket (so TLS session resumption can happen). */
    static java.util.List<Outcome> connectRepeatedly(SSLContext serverContext, boolean requireClientAttestation,
            SSLContext clientContext, int connections) throws Exception {
        java.util.List<Outcome> outcomes = new java.util.ArrayList<>();
        try (SSLServerSocket server = RaTls.serverSocket(serverContext, 0, requireClientAttestation)) {
            server.setSoTimeout(10_000);
            for (int i = 0; i < connections; i++) {
                outcomes.add(exchange(server, clientContext));
            }
        }
        return outcomes;
    }

    private static Outcome exchange(SSLServerSocket server, SSLContext clientContext) throws Exception {
        CompletableFuture<Side> serverSide = CompletableFuture.supplyAsync(() -> {
            try (SSLSocket s = (SSLSocket) server.accept()) {
                s.setSoTimeout(10_000);
                s.startHandshake();
                InputStream in = s.getInputStream();
                int b = in.read();
                OutputStream out = s.getOutputStream();
                out.write(b + 1);
                out.flush();
                return new Side(s.getSession().getProtocol(), RaTlsPeer.of(s.getSession()), b, null);
            } catch (Exception e) {
                return new Side(null, Optional.empty(), -1, e);
            }
        });
        Side client;
        try (SSLSocket s = (SSLSocket) clientContext.getSocketFactory().createSocket(
                server.getInetAddress(), server.getLocalPort())) {
            s.setSoTimeout(10_000);
            s.setEnabledProtocols(new String[] {RaTls.PROTOCOL});
            s.startHandshake();
            s.getOutputStream().write(41);
            s.getOutputStream().flush();
            int reply = s.getInputStream().read();
            client = new Side(s.getSession().getProtocol(), RaTlsPeer.of(s.getSession()), reply, null);
        } catch (Exception e) {
            client = new Side(null, Optional.empty(), -1, e);
        }
        return new Outcome(client, serverSide.get(20, TimeUnit.SECONDS));
    }

    /** The RA-TLS rejection somewhere in the cause chain, if any. */
    static Optional<RaTlsRejectedException> rejection(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RaTlsRejectedException r) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
