package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.AttestationPolicy;
import io.cocoon4j.enclave.Enclave;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.EvidenceVerifier;
import io.cocoon4j.enclave.OperatorAddress;
import java.io.IOException;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.TrustManager;

/**
 * Builds TLS 1.3 {@link SSLContext}s for RA-TLS.
 *
 * <pre>{@code
 * // runner (server): present the enclave's certificate
 * SSLContext server = RaTls.builder().identity(enclave, operator).build();
 * // client: accept only attested runners with an allowed measurement
 * SSLContext client = RaTls.builder().verifyPeers(policy, EvidenceVerifier.withTdx(dcap)).build();
 * // mutual: both, and the server socket requires client certificates
 * SSLServerSocket s = RaTls.serverSocket(RaTls.builder().identity(e, op).verifyPeers(p, v).build(), 0, true);
 * }</pre>
 *
 * The contexts work with {@code SSLSocket}, {@code SSLEngine}, {@code HttpsServer} and
 * {@code java.net.http.HttpClient}.
 */
public final class RaTls {

    /** The only protocol RA-TLS contexts enable. */
    public static final String PROTOCOL = "TLSv1.3";
    /**
     * How long a TLS session may be resumed without a new handshake (and so without re-verifying
     * the peer's evidence): one hour, not the JDK's default of a day, so a resumed session never
     * long outlives the certificate it was verified with.
     */
    public static final Duration SESSION_RESUMPTION_LIMIT = Duration.ofHours(1);

    private RaTls() {
    }

    /** A builder with the system clock and one-day certificates. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A TLS 1.3 server socket on the loopback address.
     *
     * @param port 0 for any free port
     * @param requireClientAttestation whether clients must present an RA-TLS certificate
     *     (the context must then have been built with {@link Builder#verifyPeers})
     */
    public static SSLServerSocket serverSocket(SSLContext context, int port, boolean requireClientAttestation)
            throws IOException {
        return serverSocket(context, InetAddress.getLoopbackAddress(), port, requireClientAttestation);
    }

    /**
     * A TLS 1.3 server socket on the given address ({@code null}: all interfaces).
     *
     * @param port 0 for any free port
     * @param requireClientAttestation whether clients must present an RA-TLS certificate
     */
    public static SSLServerSocket serverSocket(SSLContext context, InetAddress bind, int port,
            boolean requireClientAttestation) throws IOException {
        SSLServerSocket socket = (SSLServerSocket) context.getServerSocketFactory().createServerSocket(port, 50, bind);
        socket.setEnabledProtocols(new String[] {PROTOCOL});
        socket.setNeedClientAuth(requireClientAttestation);
        return socket;
    }

    /** Builds an RA-TLS {@link SSLContext}. */
    public static final class Builder {
        private Enclave enclave;
        private OperatorAddress operator;
        private AttestationPolicy policy;
        private EvidenceVerifier verifier;
        private Clock clock = Clock.systemUTC();
        private Duration validity = RaTlsCertificate.DEFAULT_VALIDITY;
        private KeyManager keyManager;

        private Builder() {
        }

        /** Presents this enclave's RA-TLS certificate, bound to this operator. */
        public Builder identity(Enclave enclave, OperatorAddress operator) {
            this.enclave = enclave;
            this.operator = operator;
            return this;
        }

        /** Presents whatever this key manager presents (e.g. {@link RaTlsKeyManager#fixed}). */
        public Builder keyManager(KeyManager keyManager) {
            this.keyManager = keyManager;
            return this;
        }

        /** Verifies the peer's RA-TLS certificate under this policy. */
        public Builder verifyPeers(AttestationPolicy policy, EvidenceVerifier verifier) {
            this.policy = policy;
            this.verifier = verifier;
            return this;
        }

        /** The clock for issuing and for verifying (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Validity of issued certificates (default one day). */
        public Builder validity(Duration validity) {
            this.validity = validity;
            return this;
        }

        /**
         * The context.
         *
         * @throws EnclaveException if the enclave cannot produce evidence for the first certificate
         */
        public SSLContext build() throws EnclaveException {
            try {
                KeyManager km = keyManager;
                if (km == null && enclave != null) {
                    km = RaTlsKeyManager.forEnclave(enclave, operator, clock, validity);
                }
                TrustManager tm = policy == null ? null : new RaTlsTrustManager(policy, verifier, clock);
                SSLContext ctx = SSLContext.getInstance(PROTOCOL);
                ctx.init(km == null ? null : new KeyManager[] {km},
                        tm == null ? new TrustManager[] {new RefusingTrustManager()} : new TrustManager[] {tm}, null);
                ctx.getClientSessionContext().setSessionTimeout((int) SESSION_RESUMPTION_LIMIT.toSeconds());
                ctx.getServerSessionContext().setSessionTimeout((int) SESSION_RESUMPTION_LIMIT.toSeconds());
                return ctx;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("TLS 1.3 is built into Java 11+", e);
            }
        }
    }
}
