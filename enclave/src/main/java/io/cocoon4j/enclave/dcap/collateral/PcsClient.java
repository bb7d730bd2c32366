package io.cocoon4j.enclave.dcap.collateral;

import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.cert.CertificateException;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collateral from an Intel PCS or PCCS-compatible service (API v4), cached on disk.
 *
 * <p>Requests, relative to the base URL:
 * {@code tdx/certification/v4/tcb?fmspc=F} (issuer chain in {@code TCB-Info-Issuer-Chain}),
 * {@code tdx/certification/v4/qe/identity}, {@code sgx/certification/v4/pckcrl?ca=C&encoding=der}
 * and {@code sgx/certification/v4/rootcacrl} (PCCS; DER or hex). Responses are stored under
 * {@code cacheDir/<fmspc>/} in the layout {@link CollateralDirectory} reads, and reused — without
 * any request — while every piece is still valid at the verification time (before its
 * {@code nextUpdate}). Nothing is trusted because it was cached: the verifier checks it all again.
 */
public final class PcsClient implements CollateralSource {
    private static final int MAX_BODY = SignedJson.MAX_SIZE;

    private final URI base;
    private final Path cacheDir;
    private final HttpClient http;
    private final Duration timeout;
    private final Map<String, Collateral> memory = new HashMap<>();

    /**
     * @param base service root, e.g. {@code https://pccs.example:8081/} (must end in '/')
     * @param cacheDir where responses are kept between runs
     * @param timeout connect and per-request timeout
     */
    public PcsClient(URI base, Path cacheDir, Duration timeout) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.cacheDir = cacheDir;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public synchronized Collateral forPlatform(PlatformRef platform, Instant at) throws CollateralException {
        String fmspc = platform.fmspc().toLowerCase(java.util.Locale.ROOT);
        if (!fmspc.matches("[0-9a-f]{12}")) {
            throw new CollateralException("FMSPC must be 12 hex digits: " + fmspc);
        }
        String key = fmspc + "/" + platform.pckCa();
        Collateral cached = memory.get(key);
        Path dir = cacheDir.resolve(fmspc + "-" + platform.pckCa());
        if (cached == null && Files.isDirectory(dir)) {
            try {
                cached = new CollateralDirectory(dir).forPlatform(platform, at);
            } catch (CollateralException e) {
                cached = null; // a damaged cache is refetched, not trusted
            }
        }
        if (cached != null && freshAt(cached, at)) {
            memory.put(key, cached);
            return cached;
        }
        Collateral fetched = fetch(fmspc, platform.pckCa(), dir);
        memory.put(key, fetched);
        return fetched;
    }

    private static boolean freshAt(Collateral c, Instant at) {
        return !at.isAfter(c.tcbInfo().nextUpdate()) && !at.isAfter(c.qeIdentity().nextUpdate())
            && fresh(c.pckCrl(), at) && fresh(c.rootCrl(), at);
    }

    private static boolean fresh(X509CRL crl, Instant at) {
        return crl.getNextUpdate() != null && !at.isAfter(crl.getNextUpdate().toInstant());
    }

    private Collateral fetch(String fmspc, String ca, Path dir) throws CollateralException {
        Response tcb = get("tdx/certification/v4/tcb?fmspc=" + fmspc);
        Response qe = get("tdx/certification/v4/qe/identity");
        Response pckCrl = get("sgx/certification/v4/pckcrl?ca=" + URLEncoder.encode(ca, StandardCharsets.UTF_8) + "&encoding=der");
        Response rootCrl = get("sgx/certification/v4/rootcacrl");
        String chainHeader = tcb.header("TCB-Info-Issuer-Chain");
        if (chainHeader == null) {
            chainHeader = tcb.header("SGX-TCB-Info-Issuer-Chain");
        }
        if (chainHeader == null) {
            throw new CollateralException("the TCB info response has no TCB-Info-Issuer-Chain header");
        }
        byte[] chainPem = URLDecoder.decode(chainHeader, StandardCharsets.UTF_8).getBytes(StandardCharsets.US_ASCII);
        List<X509Certificate> chain;
        try {
            chain = PemCertificates.parse(chainPem);
        } catch (CertificateException e) {
            throw new CollateralException("TCB-Info-Issuer-Chain: " + e.getMessage());
        }
        Collateral c = Collateral.of(tcb.body(), qe.body(), pckCrl.body(), rootCrl.body(), chain);
        if (!c.tcbInfo().fmspc().equals(fmspc)) {
            throw new CollateralException("asked for FMSPC " + fmspc + ", the service answered with " + c.tcbInfo().fmspc());
        }
        store(dir, Map.of("tcb_info.json", tcb.body(), "qe_identity.json", qe.body(), "pck_crl.der", pckCrl.body(),
            "root_crl.der", rootCrl.body(), "tcb_signing_chain.pem", chainPem));
        return c;
    }

    private record Response(byte[] body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }
    }

    private Response get(String path) throws CollateralException {
        URI uri = base.resolve(path);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        try {
            HttpResponse<InputStream> resp = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = resp.body()) {
                byte[] body = in.readNBytes(MAX_BODY + 1);
                if (resp.statusCode() != 200) {
                    throw new CollateralException("GET " + uri + ": HTTP " + resp.statusCode());
                }
                if (body.length > MAX_BODY) {
                    throw new CollateralException("GET " + uri + ": response larger than " + MAX_BODY + " bytes");
                }
                return new Response(body, resp.headers().map());
            }
        } catch (IOException e) {
            throw new CollateralException("cannot reach the collateral service at " + uri + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CollateralException("interrupted while fetching " + uri);
        }
    }

    private static void store(Path dir, Map<String, byte[]> files) throws CollateralException {
        try {
            Files.createDirectories(dir);
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path tmp = Files.createTempFile(dir, ".download", ".part");
                Files.write(tmp, f.getValue());
                try {
                    Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dir.resolve(f.getKey()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new CollateralException("cannot write the collateral cache " + dir + ": " + e.getMessage());
        }
    }
}
