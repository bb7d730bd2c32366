package io.cocoon4j.enclave.dcap;

/** Every check a verification runs, in order, with its stable name (used in JSON output). */
public enum CheckId {
    /** The bytes parse as a TDX quote v4/v5 by their length fields. */
    QUOTE_FORMAT("quote.format"),
    /** The quote was produced by Intel's quoting enclave (QE vendor id {@code 939a7233f79c4ca9940a0db3957f0607}). */
    QE_VENDOR_ID("quote.qe_vendor_id"),
    /** The PCK certificate chain leads to the trusted root and is valid at the verification time. */
    PCK_CHAIN("pck.chain"),
    /** The PCK leaf is a PCK certificate by name and carries a well-formed Intel SGX extension (FMSPC, PCE id, TCB). */
    PCK_EXTENSION("pck.extension"),
    /** The QE report is signed by the PCK key. */
    QE_REPORT_SIGNATURE("qe_report.signature"),
    /** The QE report data is SHA-256(attestation key ‖ QE auth data) followed by 32 zero bytes. */
    QE_REPORT_BINDING("qe_report.binding"),
    /** Header and TD report are signed by the attestation key. */
    QUOTE_SIGNATURE("quote.signature"),
    /** Collateral for the platform's FMSPC was obtained. */
    COLLATERAL("collateral"),
    /** The collateral signing chain leads to the trusted root and is valid. */
    COLLATERAL_CHAIN("collateral.chain"),
    /**
     * The collateral signer is Intel's TCB Signing certificate by subject and role: issued directly
     * by the trusted root, not a CA, no SGX PCK extension, allowed to sign. Any other Intel-rooted
     * key (a PCK key, a CA) cannot vouch for a TCB status.
     */
    COLLATERAL_SIGNER("collateral.signer"),
    /** The root CA CRL is signed, current, and revokes neither the PCK CA nor the collateral signer. */
    ROOT_CRL("crl.root"),
    /** The PCK CRL is issued by the PCK CA, signed, current, and does not revoke the PCK certificate. */
    PCK_CRL("crl.pck"),
    /** The TCB info signature covers its exact JSON bytes. */
    TCB_INFO_SIGNATURE("tcb_info.signature"),
    /** The verification time lies between the TCB info's issueDate and nextUpdate. */
    TCB_INFO_VALIDITY("tcb_info.validity"),
    /** The TCB info is for the PCK certificate's FMSPC and PCE id. */
    TCB_INFO_FMSPC("tcb_info.fmspc"),
    /** The QE identity signature covers its exact JSON bytes. */
    QE_IDENTITY_SIGNATURE("qe_identity.signature"),
    /** The verification time lies between the QE identity's issueDate and nextUpdate. */
    QE_IDENTITY_VALIDITY("qe_identity.validity"),
    /** The TCB level walk (platform, TDX module, QE) gives a status that is not Revoked. */
    TCB_STATUS("tcb.status"),
    /** The TCB status is one the policy accepts. */
    POLICY_TCB_STATUS("policy.tcb_status"),
    /** The lower of the TCB info's and QE identity's {@code tcbEvaluationDataNumber} meets the policy's minimum. */
    POLICY_TCB_EVALUATION("policy.tcb_evaluation_data_number"),
    /** The TD is not a debug TD (unless the policy allows it). */
    POLICY_DEBUG("policy.debug"),
    /** Every TD attribute set is known and allowed by the policy, and every attribute it requires is set. */
    POLICY_TD_ATTRIBUTES("policy.td_attributes"),
    /** No service TD is bound (MRSERVICETD zero), or the bound one is on the policy's allow-list (TD report 1.5). */
    POLICY_MRSERVICETD("policy.mrservicetd"),
    /** MRTD is on the policy's allow-list. */
    POLICY_MRTD("policy.mrtd"),
    /** RTMR0–3 are on the policy's allow-lists. */
    POLICY_RTMR("policy.rtmr"),
    /** MRCONFIGID is on the policy's allow-list. */
    POLICY_MRCONFIGID("policy.mrconfigid"),
    /** The image hash is on the policy's allow-list. */
    POLICY_IMAGE_HASH("policy.image_hash"),
    /** REPORTDATA equals the expected value. */
    POLICY_REPORT_DATA("policy.report_data");

    private final String id;

    CheckId(String id) {
        this.id = id;
    }

    /** The stable dotted name, e.g. {@code quote.signature}. */
    public String id() {
        return id;
    }
}
