package org.mtcgate.t8;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** The OAuth 2.0 scopes of the device triggering API, one per operation (RFC 6749 3.3). */
public enum Scope {
    CREATE, READ, REPLACE, RECALL;

    /** The scope token, e.g. {@code device-triggering:create}. */
    public String token() {
        return "device-triggering:" + name().toLowerCase(Locale.ROOT);
    }

    /** The scope named by {@code token}, or null. */
    public static Scope ofToken(String token) {
        for (Scope s : values()) {
            if (s.token().equals(token)) {
                return s;
            }
        }
        return null;
    }

    public static Set<Scope> all() {
        return EnumSet.allOf(Scope.class);
    }
}
