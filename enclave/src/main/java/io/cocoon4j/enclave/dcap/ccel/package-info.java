/** The ACPI CCEL table and TDX event log; replaying the log reproduces a quote's RTMRs. */
package io.cocoon4j.enclave.dcap.ccel;
