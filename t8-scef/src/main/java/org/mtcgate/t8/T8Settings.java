package org.mtcgate.t8;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The SCEF's T8 endpoint.
 *
 * @param listen          where the HTTPS server listens
 * @param publicUri       the apiRoot as clients reach it (the {@code self} links and Location headers start with it), or
 *                        null for https://{bound address}
 * @param key             this node's TLS key
 * @param chain           its certificate chain, leaf first (also the client certificate of notifications)
 * @param trustAnchors    the CAs whose SCS/AS certificates are accepted
 * @param clients         the registered SCS/ASs
 * @param tokenKey        the ES256 key that signs access tokens and notifications, or null to make one at start
 * @param tokenLifetime   how long an access token is valid
 * @param duplicateWindow how long an identical create from the same SCS/AS is answered with the first transaction
 * @param maxBody         largest request body in octets (413 beyond)
 * @param maxTransactions transactions kept at most (503 beyond)
 */
public record T8Settings(InetSocketAddress listen, URI publicUri, PrivateKey key, List<X509Certificate> chain,
                         List<X509Certificate> trustAnchors, List<T8Client> clients, KeyPair tokenKey, Duration tokenLifetime,
                         Duration duplicateWindow, int maxBody, int maxTransactions) {
    public T8Settings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(key, "key");
        chain = List.copyOf(chain);
        trustAnchors = List.copyOf(trustAnchors);
        clients = List.copyOf(clients);
        if (chain.isEmpty() || trustAnchors.isEmpty()) {
            throw new IllegalArgumentException("T8 needs a certificate chain and at least one trusted CA");
        }
        if (tokenLifetime.isNegative() || tokenLifetime.isZero() || tokenLifetime.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("token lifetime " + tokenLifetime + " is outside 1 s to 1 h");
        }
    }

    /** The same settings with the apiRoot known (once the server is bound to a port chosen by the system). */
    public T8Settings withPublicUri(URI uri) {
        return new T8Settings(listen, uri, key, chain, trustAnchors, clients, tokenKey, tokenLifetime, duplicateWindow, maxBody,
                maxTransactions);
    }

    /** The API's root URI: what tokens name as their audience. */
    public String apiUri() {
        return stripSlash(publicUri.toString()) + DeviceTriggeringApi.BASE;
    }

    /** The issuer of access tokens: the token endpoint's origin. */
    public String issuer() {
        return stripSlash(publicUri.toString());
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
