package org.mtcgate.diameter.peer;

import java.net.InetAddress;
import java.util.List;

/**
 * What this node announces in CER/CEA (RFC 6733 5.3.1): its DiameterIdentity, realm, addresses,
 * vendor and product.
 */
public record LocalIdentity(String originHost, String originRealm, List<InetAddress> hostIpAddresses,
                            long vendorId, String productName, long firmwareRevision, long originStateId) {
    public LocalIdentity {
        hostIpAddresses = List.copyOf(hostIpAddresses);
        if (hostIpAddresses.isEmpty()) {
            throw new IllegalArgumentException("CER needs at least one Host-IP-Address");
        }
    }

    public static LocalIdentity of(String originHost, String originRealm, InetAddress address) {
        return new LocalIdentity(originHost, originRealm, List.of(address), 0, "mtcgate", 1,
                System.currentTimeMillis() / 1000);
    }
}
