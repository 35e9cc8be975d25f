package org.mtcgate.core.config;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The {@code t8:} section: the SCEF's HTTPS endpoint (TS 29.122 device triggering, TS 33.187 5.5).
 *
 * @param listen          where it listens
 * @param publicUri       the apiRoot clients use (self links, Location, token audience)
 * @param tls             its certificate, key and the CAs of SCS/AS certificates (as {@code diameter.tls})
 * @param tokenKey        a PEM EC P-256 key that signs access tokens, or null to make one at each start
 * @param tokenLifetime   access token lifetime
 * @param duplicateWindow an identical create within it is answered with the first transaction
 * @param maxBody         largest request body in octets
 * @param maxTransactions transactions held at most
 * @param clients         the registered SCS/ASs
 */
public record T8Config(InetSocketAddress listen, URI publicUri, DiameterSettings.TlsFiles tls, Path tokenKey,
                       Duration tokenLifetime, Duration duplicateWindow, int maxBody, int maxTransactions,
                       List<Client> clients) {
    public T8Config {
        clients = List.copyOf(clients);
    }

    /**
     * @param scsAsId          the SCS/AS identifier and OAuth client id
     * @param certificateNames SAN dNSName (else CN) values of its certificates
     * @param secretHash       {@code pbkdf2-sha256$...} of its client secret ({@code mtcgate console hash-password})
     * @param scopes           of create, read, replace, recall
     */
    public record Client(String scsAsId, Set<String> certificateNames, String secretHash, Set<String> scopes) {
        public Client {
            certificateNames = Set.copyOf(certificateNames);
            scopes = Set.copyOf(scopes);
        }
    }
}
