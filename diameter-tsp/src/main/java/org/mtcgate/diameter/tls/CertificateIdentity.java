package org.mtcgate.diameter.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;

/**
 * The Diameter identities a peer certificate vouches for: its SAN dNSName entries or, when it has
 * none, its subject CN (RFC 6125 6.4.4 fallback). Compared case-insensitively with Origin-Host.
 */
public final class CertificateIdentity {
    private static final int SAN_DNS_NAME = 2;

    private CertificateIdentity() {
    }

    public static List<String> identities(X509Certificate cert) {
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
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names.isEmpty()) {
            try {
                for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                    if ("CN".equalsIgnoreCase(rdn.getType())) {
                        names.add(String.valueOf(rdn.getValue()));
                    }
                }
            } catch (InvalidNameException e) {
                return List.of();
            }
        }
        return List.copyOf(names);
    }

    /** Exact (case-insensitive) match only: wildcards are not accepted for Diameter identities. */
    public static boolean matches(X509Certificate cert, String originHost) {
        String wanted = originHost.toLowerCase(Locale.ROOT);
        return identities(cert).stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).equals(wanted));
    }
}
