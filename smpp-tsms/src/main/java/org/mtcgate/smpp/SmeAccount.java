package org.mtcgate.smpp;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One SME the SMS-SC takes binds from. Everything the node trusts about an SM comes from here, never from what
 * the SME writes in a PDU: the filter sees the system_id as the originator's identity, and a source_addr only when
 * it is one of {@code addresses}.
 *
 * @param systemId         the bind's system_id (SMPP: at most 15 characters)
 * @param credential       checks the bind's password
 * @param sources          the IP addresses and blocks a bind may come from
 * @param binds            the bind types the SME may use
 * @param submitsPerSecond submit_sm and data_sm a bind may send each second; beyond it ESME_RTHROTTLED
 * @param addresses        the source addresses (E.164 digits, or alphanumeric) the SME may submit from
 */
public record SmeAccount(String systemId, Credential credential, List<AddressBlock> sources, Set<BindKind> binds,
                         int submitsPerSecond, List<String> addresses) {
    public SmeAccount {
        Objects.requireNonNull(systemId, "systemId");
        Objects.requireNonNull(credential, "credential");
        if (systemId.isEmpty() || systemId.length() > 15) {
            throw new IllegalArgumentException("system_id '" + systemId + "' must have 1 to 15 characters");
        }
        if (submitsPerSecond < 1) {
            throw new IllegalArgumentException("submits per second must be at least 1");
        }
        sources = List.copyOf(sources);
        binds = Set.copyOf(binds);
        addresses = List.copyOf(addresses);
        if (sources.isEmpty() || binds.isEmpty() || addresses.isEmpty()) {
            throw new IllegalArgumentException("SME " + systemId + " needs source addresses, bind types and SM addresses");
        }
    }

    public boolean mayBindFrom(InetAddress address) {
        return sources.stream().anyMatch(b -> b.contains(address));
    }

    public boolean owns(String sourceAddress) {
        return addresses.contains(sourceAddress);
    }
}
