/** Intel TDX quote v4/v5 structures, parsed by their length fields with every read bounds-checked. */
package io.cocoon4j.enclave.dcap.quote;
