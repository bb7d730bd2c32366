package io.cocoon4j.enclave.dcap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cocoon4j.enclave.dcap.collateral.Collateral;
import io.cocoon4j.enclave.dcap.collateral.CollateralException;
import io.cocoon4j.enclave.dcap.collateral.SignedJson;
import io.cocoon4j.enclave.dcap.testing.SyntheticCollateral;
import io.cocoon4j.enclave.dcap.testing.SyntheticQuote;
import io.cocoon4j.enclave.dcap.testing.TestPki;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Garbage in, a clean rejection with a reason out: no exception escapes, nothing is sized by the input. */
class BadInputTest {
    private static final TestPki PKI = new TestPki();
    private static final byte[] QUOTE = new SyntheticQuote(PKI).build();
    private static final QuoteVerifier VERIFIER = new QuoteVerifier(PKI.root);

    @Property(tries = 300)
    void randomBytesAreAFormatError(@ForAll @Size(max = 6000) byte[] garbage) {
        Verdict v = VERIFIER.verifySignaturesOnly(garbage, SyntheticCollateral.AT);
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.QUOTE_FORMAT);
        assertThat(v.failures().get(0).reason()).isNotBlank();
    }

    @Property(tries = 200)
    void aValidHeaderFollowedByGarbageIsAFormatError(@ForAll @Size(max = 6000) byte[] tail) {
        byte[] q = new byte[48 + tail.length];
        System.arraycopy(QUOTE, 0, q, 0, 48);
        System.arraycopy(tail, 0, q, 48, tail.length);
        Verdict v = VERIFIER.verifySignaturesOnly(q, SyntheticCollateral.AT);
        assertThat(v.accepted()).isFalse();
        assertThat(v.quote().isEmpty() || v.failures().stream().anyMatch(c -> c.id() != CheckId.QUOTE_FORMAT)).isTrue();
    }

    @Property(tries = 100)
    void absurdLengthFieldsAreRejectedWithoutAllocating(@ForAll @IntRange(min = 0, max = 3) int field,
                                                        @ForAll @IntRange(min = 5000, max = Integer.MAX_VALUE) int length) {
        SyntheticQuote s = new SyntheticQuote(PKI);
        byte[] q = s.build();
        int at = switch (field) {
            case 0 -> s.signedEnd; // signature data size
            case 1 -> s.signedEnd + 4 + 128 + 2; // certification data size
            case 2 -> s.certChainStart - 4; // PCK chain size
            default -> -1;
        };
        if (at < 0) {
            s.version = 5;
            q = s.build();
            at = 50; // v5 body size
        }
        ByteBuffer.wrap(q).order(ByteOrder.LITTLE_ENDIAN).putInt(at, length);
        Verdict v = VERIFIER.verifySignaturesOnly(q, SyntheticCollateral.AT);
        assertThat(v.failures()).extracting(Check::id).containsExactly(CheckId.QUOTE_FORMAT);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "version 3, 0, 3, quote version 3",
        "version 6, 0, 6, quote version 6",
        "key type 3 (ECDSA P-384), 2, 3, attestation key type 3",
        "TEE type SGX, 4, 0, TEE type 0x0 is not TDX",
        "TEE type unknown, 4, 0x7f, TEE type 0x7f",
    })
    void wrongVersionKeyOrTeeTypeIsNamed(String name, int offset, String value, String reason) {
        byte[] q = QUOTE.clone();
        q[offset] = (byte) Integer.decode(value).intValue();
        Verdict v = VERIFIER.verifySignaturesOnly(q, SyntheticCollateral.AT);
        assertThat(v.failures()).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(CheckId.QUOTE_FORMAT);
            assertThat(c.reason()).contains(reason);
        });
    }

    @Test
    void v5WithSgxBodyTypeIsNamed() {
        SyntheticQuote s = new SyntheticQuote(PKI);
        s.version = 5;
        byte[] q = s.build();
        q[48] = 1;
        assertThat(VERIFIER.verifySignaturesOnly(q, SyntheticCollateral.AT).failures().get(0).reason()).contains("body type 1");
    }

    @Test
    void emptyAndNullInputsAreRejected() {
        assertThat(VERIFIER.verifySignaturesOnly(new byte[0], SyntheticCollateral.AT).summary()).contains("empty");
        assertThat(VERIFIER.verifySignaturesOnly(null, SyntheticCollateral.AT).accepted()).isFalse();
        assertThat(VERIFIER.verifySignaturesOnly(new byte[(1 << 20) + 1], SyntheticCollateral.AT).summary()).contains("larger than any quote");
    }

    @Property(tries = 200)
    void garbageCollateralIsACollateralException(@ForAll @Size(max = 3000) byte[] garbage) {
        assertThatThrownBy(() -> SignedJson.parse(garbage, "tcbInfo")).isInstanceOf(CollateralException.class);
        assertThatThrownBy(() -> Collateral.crl(garbage, "PCK CRL")).isInstanceOf(CollateralException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"tcbInfo\":{\"id\":\"TDX\"},\"tcbInfo\":{},\"signature\":\"00\"}|Duplicate field",
        "{\"tcbInfo\":{},\"signature\":\"zz\"}|not hex",
        "{\"tcbInfo\":{},\"signature\":\"0011\"}|not 64",
        "{\"signature\":\"00\"}|no \"tcbInfo\"",
        "{\"tcbInfo\":{}} trailing|trailing",
        "[]|not a JSON object",
    })
    void malformedSignedJsonIsNamed(String json, String reason) {
        assertThatThrownBy(() -> SignedJson.parse(json.getBytes(StandardCharsets.UTF_8), "tcbInfo"))
            .isInstanceOf(CollateralException.class).hasMessageContaining(reason);
    }

    @Test
    void tcbInfoWithMissingOrMistypedFieldsIsNamed() throws Exception {
        SyntheticCollateral c = new SyntheticCollateral(PKI);
        for (String[] edit : List.of(new String[] {"\"version\":3", "\"version\":2", "version 2 is not supported"},
            new String[] {"\"fmspc\":\"00a06f000000\"", "\"fmspc\":\"00a06f\"", "fmspc is 3 bytes"},
            new String[] {"\"tcbStatus\":\"UpToDate\"", "\"tcbStatus\":\"Fine\"", "unknown TCB status"},
            new String[] {"\"pcesvn\":11", "\"pcesvn\":\"11\"", "pcesvn is not a non-negative integer"})) {
            c.tcbInfoBody = SyntheticCollateral.tcbInfo(TestPki.FMSPC).replaceFirst(java.util.regex.Pattern.quote(edit[0]), edit[1]);
            assertThatThrownBy(c::collateral).isInstanceOf(CollateralException.class).hasMessageContaining(edit[2]);
        }
    }
}
