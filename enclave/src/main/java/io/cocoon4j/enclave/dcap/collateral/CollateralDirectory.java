package io.cocoon4j.enclave.dcap.collateral;

import io.cocoon4j.enclave.dcap.pki.IntelPki;
import io.cocoon4j.enclave.dcap.pki.PemCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Collateral saved as files in one directory. A file is recognised by its name, lower-cased
 * with {@code _ - .} removed: containing {@code tcbinfo} (any number of them; the one whose
 * FMSPC matches is used), {@code qeidentity}, {@code pckcrl}, {@code rootcrl} or
 * {@code rootcacrl}, and optionally a PEM file containing {@code signingchain} or
 * {@code issuerchain} with the JSON's issuer chain (default: Intel's TCB signing certificate).
 * So both {@code tcb_info.json, qe_identity.json, pck_crl.der, root_crl.der} and the names of
 * go-tdx-guest's test data work. Files are read once and kept.
 */
public final class CollateralDirectory implements CollateralSource {
    private static final long MAX_FILE = SignedJson.MAX_SIZE;
    private static final int MAX_FILES = 256;

    private final Path dir;
    private List<Collateral> loaded;

    public CollateralDirectory(Path dir) {
        this.dir = dir;
    }

    @Override
    public synchronized Collateral forPlatform(PlatformRef platform, Instant at) throws CollateralException {
        String fmspc = platform.fmspc();
        if (loaded == null) {
            loaded = load();
        }
        for (Collateral c : loaded) {
            if (c.tcbInfo().fmspc().equalsIgnoreCase(fmspc)) {
                return c;
            }
        }
        throw new CollateralException("no TCB info for FMSPC " + fmspc + " in " + dir);
    }

    private List<Collateral> load() throws CollateralException {
        List<Path> tcbInfos = new ArrayList<>();
        Path qe = null;
        Path pckCrl = null;
        Path rootCrl = null;
        Path chain = null;
        if (!Files.isDirectory(dir)) {
            throw new CollateralException("collateral directory " + dir + " does not exist");
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.limit(MAX_FILES).sorted().toList()) {
                String n = p.getFileName().toString().toLowerCase(Locale.ROOT).replaceAll("[_.\\-]", "");
                if (n.contains("tcbinfo")) {
                    tcbInfos.add(p);
                } else if (n.contains("qeidentity")) {
                    qe = p;
                } else if (n.contains("pckcrl")) {
                    pckCrl = p;
                } else if (n.contains("rootcrl") || n.contains("rootcacrl")) {
                    rootCrl = p;
                } else if (n.contains("signingchain") || n.contains("issuerchain")) {
                    chain = p;
                }
            }
        } catch (IOException e) {
            throw new CollateralException("cannot list " + dir + ": " + e.getMessage());
        }
        if (tcbInfos.isEmpty() || qe == null || pckCrl == null || rootCrl == null) {
            throw new CollateralException(dir + " lacks " + (tcbInfos.isEmpty() ? "a TCB info file"
                : qe == null ? "a QE identity file" : pckCrl == null ? "a PCK CRL file" : "a root CRL file"));
        }
        List<X509Certificate> signing;
        try {
            signing = chain == null ? List.of(IntelPki.tcbSigningCertificate()) : PemCertificates.parse(read(chain));
        } catch (CertificateException e) {
            throw new CollateralException(chain + ": " + e.getMessage());
        }
        byte[] qeBytes = read(qe);
        byte[] pck = read(pckCrl);
        byte[] root = read(rootCrl);
        List<Collateral> out = new ArrayList<>();
        for (Path t : tcbInfos) {
            try {
                out.add(Collateral.of(read(t), qeBytes, pck, root, signing));
            } catch (CollateralException e) {
                throw new CollateralException(t.getFileName() + ": " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    static byte[] read(Path p) throws CollateralException {
        try {
            long size = Files.size(p);
            if (size > MAX_FILE) {
                throw new CollateralException(p + " is " + size + " bytes, more than any collateral file");
            }
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new CollateralException("cannot read " + p + ": " + e.getMessage());
        }
    }
}
