package org.mtcgate.filter;

import java.util.Locale;

/**
 * An External-Identifier, {@code local@domain} (TS 23.682 4.6.2). The domain is split off once here so that a
 * policy's domain rules match without allocating. Domains compare case-insensitively, as DNS names do.
 */
public final class ExternalId {
    private final String value;
    private final String localIdentifier;
    private final String domain;

    private ExternalId(String value, String localIdentifier, String domain) {
        this.value = value;
        this.localIdentifier = localIdentifier;
        this.domain = domain;
    }

    public static ExternalId of(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at == text.length() - 1) {
            throw new IllegalArgumentException("External-Identifier '" + text + "' is not of the form local@domain");
        }
        String domain = text.substring(at + 1).toLowerCase(Locale.ROOT);
        String local = text.substring(0, at);
        return new ExternalId(local + "@" + domain, local, domain);
    }

    /** The identifier with its domain in lower case. */
    public String value() {
        return value;
    }

    public String localIdentifier() {
        return localIdentifier;
    }

    public String domain() {
        return domain;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ExternalId other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
