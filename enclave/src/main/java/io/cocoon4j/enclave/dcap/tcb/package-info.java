/** Intel's TDX TCB level walk: platform, TDX module and quoting enclave statuses with advisories. */
package io.cocoon4j.enclave.dcap.tcb;
