package io.cocoon4j.enclave.ratls;

import io.cocoon4j.enclave.Enclave;
import io.cocoon4j.enclave.EnclaveException;
import io.cocoon4j.enclave.OperatorAddress;
import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the enclave's RA-TLS certificate in handshakes (server side, or client side in mutual
 * RA-TLS). Certificates are re-issued with fresh evidence once less than a quarter of their
 * validity remains, so a long-running server never presents an expired one.
 */
public final class RaTlsKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "cocoon4j-ratls";

    private final Enclave enclave;
    private final OperatorAddress operator;
    private final Clock clock;
    private final Duration validity;
    private final PrivateKey privateKey;
    private X509Certificate current;

    private RaTlsKeyManager(Enclave enclave, OperatorAddress operator, Clock clock, Duration validity,
            PrivateKey privateKey, X509Certificate first) {
        this.enclave = enclave;
        this.operator = operator;
        this.clock = clock;
        this.validity = validity;
        this.privateKey = privateKey;
        this.current = first;
    }

    /**
     * A key manager for an enclave; issues the first certificate now, so a broken enclave fails here.
     *
     * @throws EnclaveException if the enclave cannot produce evidence
     */
    public static RaTlsKeyManager forEnclave(Enclave enclave, OperatorAddress operator, Clock clock, Duration validity)
            throws EnclaveException {
        X509Certificate first = RaTlsCertificate.issue(enclave, operator, clock.instant(), validity);
        return new RaTlsKeyManager(enclave, operator, clock, validity, enclave.identityKey().privateKey(), first);
    }

    /** A key manager that always presents one given certificate (tools, tests of rejections). */
    public static RaTlsKeyManager fixed(PrivateKey key, X509Certificate certificate) {
        return new RaTlsKeyManager(null, null, null, null, key, certificate);
    }

    /** The certificate presented now, renewed first if it is close to expiry. */
    public synchronized X509Certificate certificate() {
        if (enclave != null) {
            Instant now = clock.instant();
            Instant renewAt = current.getNotAfter().toInstant().minus(validity.dividedBy(4));
            if (!now.isBefore(renewAt)) {
                try {
                    current = RaTlsCertificate.issue(enclave, operator, now, validity);
                } catch (EnclaveException e) {
                    // Keep serving the old certificate while it is valid; peers reject it once expired.
                }
            }
        }
        return current;
    }

    private static boolean edDsa(String keyType) {
        return "EdDSA".equalsIgnoreCase(keyType) || "Ed25519".equalsIgnoreCase(keyType);
    }

    private static String aliasFor(String[] keyTypes) {
        if (keyTypes != null) {
            for (String t : keyTypes) {
                if (edDsa(t)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return edDsa(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return aliasFor(keyTypes);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return aliasFor(keyTypes);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return edDsa(keyType) ? new String[] {ALIAS} : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return edDsa(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return edDsa(keyType) ? ALIAS : null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? new X509Certificate[] {certificate()} : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? privateKey : null;
    }
}
