package org.mtcgate.smpp;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Decides a bind (SMPP 3.4 4.1) from the configured SMEs alone: unknown system_id → ESME_RINVSYSID; a peer address
 * outside the SME's blocks or a bind type it may not use → ESME_RBINDFAIL; wrong password → ESME_RINVPASWD. The
 * password is checked last, so a peer outside the SME's addresses cannot even try passwords.
 *
 * <p>A PBKDF2 check costs tens of milliseconds of CPU by design: at most {@link #PARALLEL_CHECKS} run at once, so a
 * flood of binds cannot take every core from the signalling.
 */
final class BindGate {
    static final int PARALLEL_CHECKS = 2;

    private final Map<String, SmeAccount> smes;
    private final Semaphore checks = new Semaphore(PARALLEL_CHECKS);

    BindGate(Iterable<SmeAccount> smes) {
        java.util.List<SmeAccount> list = new java.util.ArrayList<>();
        smes.forEach(list::add);
        this.smes = list.stream().collect(Collectors.toUnmodifiableMap(SmeAccount::systemId, Function.identity()));
    }

    /** The SME the bind authenticates as. @throws SmppRefusal with the bind_resp's status */
    SmeAccount decide(String systemId, String password, BindKind kind, InetAddress peer) throws SmppRefusal {
        SmeAccount sme = Optional.ofNullable(systemId).map(smes::get).orElseThrow(() -> new SmppRefusal(
                SmppStatus.INVALID_SYSTEM_ID, "tsms-unknown-system-id", "no SME has system_id '" + systemId + "'"));
        if (!sme.mayBindFrom(peer)) {
            throw new SmppRefusal(SmppStatus.BIND_FAILED, "tsms-address-not-allowed",
                    "SME " + systemId + " may not bind from " + peer.getHostAddress());
        }
        if (!sme.binds().contains(kind)) {
            throw new SmppRefusal(SmppStatus.BIND_FAILED, "tsms-bind-type-not-allowed",
                    "SME " + systemId + " may not bind as " + kind.configName());
        }
        checks.acquireUninterruptibly();
        try {
            if (!sme.credential().matches(password == null ? "" : password)) {
                throw new SmppRefusal(SmppStatus.INVALID_PASSWORD, "tsms-wrong-password",
                        "wrong password for SME " + systemId);
            }
        } finally {
            checks.release();
        }
        return sme;
    }
}
