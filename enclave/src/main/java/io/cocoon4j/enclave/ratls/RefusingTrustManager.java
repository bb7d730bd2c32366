package io.cocoon4j.enclave.ratls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts no peer. Installed when a context verifies no peers, so that it can never fall back to the
 * JDK's CA trust store by accident.
 */
final class RefusingTrustManager implements X509TrustManager {

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this RA-TLS context was built without verifyPeers(...)");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this RA-TLS context was built without verifyPeers(...)");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
