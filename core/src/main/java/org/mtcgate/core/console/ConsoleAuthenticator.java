package org.mtcgate.core.console;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.server.auth.password.PasswordAuthenticator;
import org.apache.sshd.server.auth.pubkey.PublickeyAuthenticator;
import org.apache.sshd.server.session.ServerSession;

import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Checks console logins against the configured users: password hash or authorized public key. */
final class ConsoleAuthenticator implements PasswordAuthenticator, PublickeyAuthenticator {
    private static final Logger LOG = LogManager.getLogger(ConsoleAuthenticator.class);

    private final Map<String, ConsoleUser> users;
    /** Checked for unknown users, so that the answer takes as long as for a known one. */
    private final PasswordHash decoy;

    ConsoleAuthenticator(List<ConsoleUser> users, SecureRandom random) {
        this.users = users.stream().collect(Collectors.toUnmodifiableMap(ConsoleUser::name, Function.identity()));
        int iterations = users.stream().flatMap(u -> u.password().stream()).findFirst()
                .map(PasswordHash::iterations).orElse(PasswordHash.DEFAULT_ITERATIONS);
        this.decoy = PasswordHash.of("decoy".toCharArray(), iterations, random);
    }

    @Override
    public boolean authenticate(String username, String password, ServerSession session) {
        ConsoleUser user = users.get(username);
        char[] typed = password.toCharArray();
        boolean ok;
        if (user == null || user.password().isEmpty()) {
            decoy.matches(typed);
            ok = false;
        } else {
            ok = user.password().get().matches(typed);
        }
        java.util.Arrays.fill(typed, '\0');
        log(ok, "password", username, session);
        return ok;
    }

    @Override
    public boolean authenticate(String username, PublicKey key, ServerSession session) {
        ConsoleUser user = users.get(username);
        boolean ok = user != null && user.authorizedKeys().stream().anyMatch(k -> KeyUtils.compareKeys(k, key));
        log(ok, "public key " + KeyUtils.getFingerPrint(key), username, session);
        return ok;
    }

    private static void log(boolean ok, String method, String username, ServerSession session) {
        String who = CommandLineTokenizer.printable(username);
        if (ok) {
            LOG.info("console login of '{}' from {} by {}", who, session.getClientAddress(), method);
        } else {
            LOG.warn("console login of '{}' from {} by {} refused", who, session.getClientAddress(), method);
        }
    }
}
