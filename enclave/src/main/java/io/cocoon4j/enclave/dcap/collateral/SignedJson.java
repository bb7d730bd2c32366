package io.cocoon4j.enclave.dcap.collateral;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A PCS JSON response of the form {@code {"<field>":{...},"signature":"<hex r‖s>"}}. Intel signs
 * the exact bytes of the inner object as they appear in the response, so we keep those bytes
 * ({@link #signedBytes()}) and parse the content from them, never from a re-serialisation.
 */
public record SignedJson(byte[] response, byte[] signedBytes, byte[] signature, JsonNode content) {
    /** Real collateral is a few kilobytes. */
    public static final int MAX_SIZE = 1 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    /**
     * Splits a response into the signed object named {@code field} and its signature.
     *
     * @throws CollateralException if it is not JSON of that shape, has duplicate keys, or is too large
     */
    public static SignedJson parse(byte[] response, String field) throws CollateralException {
        if (response.length > MAX_SIZE) {
            throw new CollateralException(field + ": response of " + response.length + " bytes is too large");
        }
        long start = -1;
        long end = -1;
        String signatureHex = null;
        try (JsonParser p = FACTORY.createParser(response)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new CollateralException(field + ": response is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field) && value == JsonToken.START_OBJECT) {
                    start = p.currentTokenLocation().getByteOffset();
                    p.skipChildren();
                    end = p.currentLocation().getByteOffset();
                } else if (name.equals("signature") && value == JsonToken.VALUE_STRING) {
                    signatureHex = p.getText();
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new CollateralException(field + ": trailing content after the JSON object");
            }
        } catch (IOException e) {
            throw new CollateralException(field + ": not valid JSON: " + firstLine(e.getMessage()));
        }
        if (start < 0 || end <= start || end > response.length) {
            throw new CollateralException(field + ": no \"" + field + "\" object in the response");
        }
        if (signatureHex == null) {
            throw new CollateralException(field + ": no \"signature\" in the response");
        }
        byte[] signature;
        try {
            signature = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            throw new CollateralException(field + ": signature is not hex");
        }
        if (signature.length != 64) {
            throw new CollateralException(field + ": signature is " + signature.length + " bytes, not 64 (r‖s)");
        }
        byte[] signed = Arrays.copyOfRange(response, (int) start, (int) end);
        JsonNode content;
        try {
            content = MAPPER.readTree(signed);
        } catch (IOException e) {
            throw new CollateralException(field + ": not valid JSON: " + firstLine(e.getMessage()));
        }
        return new SignedJson(response, signed, signature, content);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
