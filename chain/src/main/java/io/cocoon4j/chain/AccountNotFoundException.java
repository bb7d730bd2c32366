package io.cocoon4j.chain;

import org.ton.ton4j.address.Address;

/** The call needs a deployed contract and the address holds none (never used, uninit or frozen). */
public final class AccountNotFoundException extends ChainException {
    private final transient Address address;

    public AccountNotFoundException(Address address, String why) {
        super("no active contract at " + address.toRaw() + ": " + why);
        this.address = address;
    }

    public Address address() {
        return address;
    }
}
