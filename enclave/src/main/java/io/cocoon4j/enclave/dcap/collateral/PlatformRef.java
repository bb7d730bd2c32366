package io.cocoon4j.enclave.dcap.collateral;

/**
 * Which platform's collateral to get, as read from the quote's PCK certificate.
 *
 * @param fmspc lower-case hex FMSPC (selects the TCB info)
 * @param pckCa {@code platform} or {@code processor}: which PCK CA issued the certificate (selects the PCK CRL)
 */
public record PlatformRef(String fmspc, String pckCa) {
    public static final String PLATFORM_CA = "platform";
    public static final String PROCESSOR_CA = "processor";
}
