package org.mtcgate.smpp;

import javax.net.ssl.SSLContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The Tsms listener and the SMEs it serves.
 *
 * @param listen          where the SMPP server listens (port 0: any free port)
 * @param tls             the server's TLS context, or null for plain TCP
 * @param smes            the SMEs, each with its own system_id
 * @param defaultValidity how long an SM without validity_period is held
 * @param maxValidity     the longest validity_period taken; longer is refused with ESME_RINVEXPIRY
 * @param bindTimeout     how long a new connection may take to bind before it is closed
 * @param maxConnections  connections open at once, bound or not; more are closed at once
 * @param enquireLink     idle time after which the server sends enquire_link
 */
public record TsmsSettings(InetSocketAddress listen, SSLContext tls, List<SmeAccount> smes, Duration defaultValidity,
                           Duration maxValidity, Duration bindTimeout, int maxConnections, Duration enquireLink) {
    public TsmsSettings {
        Objects.requireNonNull(listen, "listen");
        smes = List.copyOf(smes);
        Set<String> ids = new HashSet<>();
        for (SmeAccount sme : smes) {
            if (!ids.add(sme.systemId())) {
                throw new IllegalArgumentException("system_id " + sme.systemId() + " is given twice");
            }
        }
        if (defaultValidity.isNegative() || defaultValidity.isZero() || maxValidity.compareTo(defaultValidity) < 0) {
            throw new IllegalArgumentException("validity needs 0 < default <= max");
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("max connections must be at least 1");
        }
    }

    /** The defaults for everything but the listener, TLS and SMEs. */
    public static TsmsSettings of(InetSocketAddress listen, SSLContext tls, List<SmeAccount> smes) {
        return new TsmsSettings(listen, tls, smes, Duration.ofHours(1), Duration.ofDays(7), Duration.ofSeconds(5), 256,
                Duration.ofSeconds(30));
    }
}
