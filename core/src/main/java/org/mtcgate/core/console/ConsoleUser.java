package org.mtcgate.core.console;

import org.apache.sshd.common.config.keys.AuthorizedKeyEntry;
import org.apache.sshd.common.config.keys.PublicKeyEntryResolver;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An operator allowed on the console: a name with a password hash, or with public keys from OpenSSH
 * {@code authorized_keys} lines, or both.
 */
public final class ConsoleUser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final String name;
    private final PasswordHash password;
    private final List<PublicKey> authorizedKeys;

    private ConsoleUser(String name, PasswordHash password, List<PublicKey> authorizedKeys) {
        if (!NAME.matcher(Objects.requireNonNull(name, "name")).matches()) {
            throw new IllegalArgumentException("user name '" + name + "' is not 1 to 64 letters, digits, '.', '_' or '-'");
        }
        this.name = name;
        this.password = password;
        this.authorizedKeys = List.copyOf(authorizedKeys);
        if (password == null && this.authorizedKeys.isEmpty()) {
            throw new IllegalArgumentException("user '" + name + "' has neither a password nor a key");
        }
    }

    /** A user who logs in with a password, given as a hash ({@link PasswordHash#encoded()}). */
    public static ConsoleUser withPassword(String name, PasswordHash password) {
        return new ConsoleUser(name, Objects.requireNonNull(password, "password"), List.of());
    }

    /** A user who logs in with one of these OpenSSH {@code authorized_keys} lines; blank and '#' lines are skipped. */
    public static ConsoleUser withAuthorizedKeys(String name, List<String> authorizedKeyLines) {
        return new ConsoleUser(name, null, parseKeys(name, authorizedKeyLines));
    }

    /** The same user, also accepting these keys. */
    public ConsoleUser plusAuthorizedKeys(List<String> authorizedKeyLines) {
        List<PublicKey> keys = new ArrayList<>(authorizedKeys);
        keys.addAll(parseKeys(name, authorizedKeyLines));
        return new ConsoleUser(name, password, keys);
    }

    public String name() {
        return name;
    }

    public Optional<PasswordHash> password() {
        return Optional.ofNullable(password);
    }

    public List<PublicKey> authorizedKeys() {
        return authorizedKeys;
    }

    private static List<PublicKey> parseKeys(String user, List<String> lines) {
        List<PublicKey> keys = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                AuthorizedKeyEntry entry = AuthorizedKeyEntry.parseAuthorizedKeyEntry(trimmed);
                if (!entry.getLoginOptions().isEmpty()) {
                    // from=, command= and the like would be silently ignored here: refuse rather than mislead
                    throw new IllegalArgumentException("key options " + entry.getLoginOptions().keySet()
                            + " are not supported");
                }
                keys.add(entry.resolvePublicKey(null, PublicKeyEntryResolver.FAILING));
            } catch (IOException | GeneralSecurityException | RuntimeException e) {
                throw new IllegalArgumentException("authorized key " + n + " of user '" + user + "' is not a valid "
                        + "OpenSSH public key line: " + e.getMessage(), e);
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return name + (password != null ? " (password)" : "") + (authorizedKeys.isEmpty() ? "" : " (" + authorizedKeys.size() + " keys)");
    }
}
