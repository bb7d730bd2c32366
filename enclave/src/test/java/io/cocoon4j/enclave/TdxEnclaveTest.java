package io.cocoon4j.enclave;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TdxEnclave against a directory laid out like configfs-tsm, with the kernel's side effects faked. */
class TdxEnclaveTest {

    private static final OperatorAddress OPERATOR =
            OperatorAddress.parse("0:83dfd552e63729b472fcbcc8c45ebcc6691702558b68ec7527e1ba403a0f31a8");

    @TempDir
    Path root;

    private final FakeTsmKernel kernel = new FakeTsmKernel();

    private TdxEnclave enclave(byte[] secret) {
        return new TdxEnclave(root, secret, kernel);
    }

    private long entriesLeft() throws Exception {
        try (Stream<Path> s = Files.list(root)) {
            return s.count();
        }
    }

    @Test
    void writesTheBindingToInblobAndReturnsOutblobAsTheQuote() throws Exception {
        TdxEnclave tdx = enclave(null);
        byte[] nonce = "verifier-nonce".getBytes(StandardCharsets.US_ASCII);

        Evidence evidence = tdx.evidence(OPERATOR, nonce);

        byte[] expected = ReportData.bind(tdx.identityKey().rawPublicKey(), OPERATOR, nonce).bytes();
        assertThat(evidence).isInstanceOf(TdxEvidence.class);
        byte[] quote = ((TdxEvidence) evidence).quote();
        assertThat(Arrays.copyOfRange(quote, 16, quote.length)).isEqualTo(expected);
        assertThat(kernel.entriesCreated).isEqualTo(1);
        assertThat(entriesLeft()).as("the report entry is removed afterwards").isZero();
        assertThat(EvidenceCodec.decode(EvidenceCodec.encode(evidence))).isEqualTo(evidence);
    }

    @Test
    void eachRequestUsesAFreshEntry() throws Exception {
        TdxEnclave tdx = enclave(null);
        Evidence a = tdx.evidence(OPERATOR, new byte[] {1});
        Evidence b = tdx.evidence(OPERATOR, new byte[] {2});
        assertThat(a).isNotEqualTo(b);
        assertThat(kernel.entriesCreated).isEqualTo(2);
        assertThat(entriesLeft()).isZero();
    }

    @Test
    void aRacingWriterInvalidatesTheQuote() {
        kernel.racingWrites = 1;
        assertThatThrownBy(() -> enclave(null).evidence(OPERATOR, new byte[0]))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("raced");
    }

    @Test
    void anotherProviderIsRefused() throws Exception {
        kernel.provider = "sev_guest";
        assertThatThrownBy(() -> enclave(null).evidence(OPERATOR, new byte[0]))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("sev_guest");
        assertThat(entriesLeft()).isZero();
    }

    @Test
    void emptyOrOversizedQuotesAreRefused() {
        kernel.quoteFor = rd -> new byte[0];
        assertThatThrownBy(() -> enclave(null).evidence(OPERATOR, new byte[0]))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("empty");
        kernel.quoteFor = rd -> new byte[EvidenceCodec.MAX_QUOTE_LENGTH + 1];
        assertThatThrownBy(() -> enclave(null).evidence(OPERATOR, new byte[0]))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("over");
    }

    @Test
    void missingOutblobIsAnEnclaveException() {
        kernel.answers = false;
        assertThatThrownBy(() -> enclave(null).evidence(OPERATOR, new byte[0]))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("outblob");
    }

    @Test
    void missingConfigfsIsReportedClearly() {
        assertThatThrownBy(() -> TdxEnclave.open(root.resolve("no-such-dir"), null))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("configfs-tsm not found");
    }

    @Test
    void sealingNeedsAProvidedSecretAndRoundTripsWithIt() throws Exception {
        assertThatThrownBy(() -> enclave(null).seal(new byte[] {1}))
                .isInstanceOf(EnclaveException.class).hasMessageContaining("no hardware sealing key");
        byte[] secret = new byte[32];
        Arrays.fill(secret, (byte) 7);
        byte[] sealed = enclave(secret).seal("api key".getBytes(StandardCharsets.UTF_8));
        assertThat(enclave(secret).unseal(sealed)).isEqualTo("api key".getBytes(StandardCharsets.UTF_8));
        byte[] otherSecret = new byte[32];
        assertThatThrownBy(() -> enclave(otherSecret).unseal(sealed)).isInstanceOf(EnclaveException.class);
        assertThatThrownBy(() -> TdxEnclave.open(root, new byte[16])).isInstanceOf(EnclaveException.class);
    }

    @Test
    void realConfigfsIfThisIsATdxGuest() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(TdxEnclave.DEFAULT_REPORT_ROOT),
                "not a TDX guest (no " + TdxEnclave.DEFAULT_REPORT_ROOT + "): skipping the real configfs-tsm check");
        TdxEnclave tdx = TdxEnclave.open(TdxEnclave.DEFAULT_REPORT_ROOT, null);
        TdxEvidence evidence = (TdxEvidence) tdx.evidence(OPERATOR, new byte[] {1, 2, 3});
        assertThat(evidence.quote().length).isGreaterThan(632);
    }
}
