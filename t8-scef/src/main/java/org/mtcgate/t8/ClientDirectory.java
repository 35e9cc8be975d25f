package org.mtcgate.t8;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which registered SCS/AS a client certificate authenticates (TS 33.187 5.5.1): the certificate's SAN dNSName
 * entries (else its subject CN, RFC 6125 6.4.4) looked up in the configured names. A certificate that names two
 * SCS/ASs, or none, authenticates nobody.
 */
public final class ClientDirectory {
    private static final int SAN_DNS_NAME = 2;
    private final Map<String, T8Client> byName = new HashMap<>();
    private final Map<String, T8Client> byId = new HashMap<>();

    public ClientDirectory(List<T8Client> clients) {
        for (T8Client c : clients) {
            if (byId.put(c.scsAsId(), c) != null) {
                throw new IllegalArgumentException("SCS/AS " + c.scsAsId() + " is registered twice");
            }
            for (String n : c.certificateNames()) {
                T8Client other = byName.put(n, c);
                if (other != null) {
                    throw new IllegalArgumentException("certificate name " + n + " is given to both " + other.scsAsId()
                            + " and " + c.scsAsId());
                }
            }
        }
    }

    public Optional<T8Client> byId(String scsAsId) {
        return Optional.ofNullable(byId.get(scsAsId));
    }

    /** The SCS/AS this certificate authenticates, if exactly one. */
    public Optional<T8Client> authenticate(X509Certificate certificate) {
        T8Client found = null;
        for (String name : names(certificate)) {
            T8Client c = byName.get(name.toLowerCase(Locale.ROOT));
            if (c != null) {
                if (found != null && found != c) {
                    return Optional.empty();
                }
                found = c;
            }
        }
        return Optional.ofNullable(found);
    }

    static List<String> names(X509Certificate cert) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && Integer.valueOf(SAN_DNS_NAME).equals(san.get(0))) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
            if (names.isEmpty()) {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if ("CN".equalsIgnoreCase(rdn.getType())) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            }
        } catch (CertificateParsingException | InvalidNameException e) {
            return List.of();
        }
        return names;
    }
}
