package org.mtcgate.t8;

import java.util.Set;

/**
 * What a presented bearer token proved: the SCS/AS and its scopes, or why it proves nothing (RFC 6750 3.1
 * {@code invalid_token}).
 */
public record TokenCheck(String scsAsId, Set<Scope> scopes, String refusal) {
    static TokenCheck valid(String scsAsId, Set<Scope> scopes) {
        return new TokenCheck(scsAsId, Set.copyOf(scopes), null);
    }

    static TokenCheck invalid(String why) {
        return new TokenCheck(null, Set.of(), why);
    }

    public boolean isValid() {
        return refusal == null;
    }
}
