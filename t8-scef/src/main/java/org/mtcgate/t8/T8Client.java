package org.mtcgate.t8;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A registered SCS/AS: its {@code scsAsId} (also its OAuth client id), the certificate names (SAN dNSName, else
 * subject CN) that authenticate it, and the scopes it may be granted.
 */
public record T8Client(String scsAsId, Set<String> certificateNames, Set<Scope> scopes) {
    public T8Client {
        Objects.requireNonNull(scsAsId, "scsAsId");
        if (scsAsId.isBlank() || !scsAsId.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw new IllegalArgumentException("scsAsId '" + scsAsId + "' must be 1 to 128 URL-safe characters");
        }
        if (certificateNames.isEmpty()) {
            throw new IllegalArgumentException("SCS/AS " + scsAsId + " needs at least one certificate name");
        }
        certificateNames = certificateNames.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        scopes = Set.copyOf(scopes);
    }
}
