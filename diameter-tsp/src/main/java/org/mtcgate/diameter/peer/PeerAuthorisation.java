package org.mtcgate.diameter.peer;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.PeerSecurityListener.TrustRule;

/**
 * Which requests one open connection may carry: those of an application the peer announced in its CER/CEA
 * (RFC 6733 5.3) and that one of its configured {@link PeerRole}s may send (TS 33.187 6.1: Tsp only from SCSs,
 * T4 DTR and S6m only from MTC-IWFs, T4 DRR only from SMS-SCs). Built once when the connection opens, from the
 * configuration and the capabilities the peer announced; immutable.
 *
 * <p>Result codes: an application the peer did not announce, or that none of its roles uses, is
 * 3007 DIAMETER_APPLICATION_UNSUPPORTED (RFC 6733 7.1.3: "a request was sent for an application that is not
 * supported", here: not supported towards this peer). A command of an application the role does use, but in the
 * other direction (a DAR from an MTC-IWF, which sends DNR on Tsp), is 3001 DIAMETER_COMMAND_UNSUPPORTED: the
 * node supports the application for this peer, not this command.
 */
final class PeerAuthorisation {
    private final Set<PeerRole> roles;
    private final Set<Long> advertised;
    private final boolean advertisedRelay;
    /** The applications the roles use, narrowed by configuration. */
    private final Set<Long> applications;
    /** (application << 32 | command) for every request the roles may send in those applications. */
    private final Set<Long> requests;

    private PeerAuthorisation(Set<PeerRole> roles, Optional<Set<Long>> narrowed, Set<Long> advertised) {
        this.roles = Set.copyOf(roles);
        this.advertised = Set.copyOf(advertised);
        this.advertisedRelay = advertised.contains(ApplicationIds.RELAY);
        Set<Long> apps = new HashSet<>();
        Set<Long> reqs = new HashSet<>();
        for (PeerRole r : roles) {
            for (long app : r.applications()) {
                if (narrowed.map(n -> n.contains(app)).orElse(true)) {
                    apps.add(app);
                    for (int command : r.commands(app)) {
                        reqs.add(key(app, command));
                    }
                }
            }
        }
        this.applications = Set.copyOf(apps);
        this.requests = Set.copyOf(reqs);
    }

    private static long key(long app, int command) {
        return app << 32 | (command & 0xFFFFFFFFL);
    }

    /**
     * @param peer       the peer's configuration; empty for a peer accepted by {@code acceptUnknownPeers}, which gets
     *                   the {@link PeerConfig#DEFAULT_ROLE} (lab use only)
     * @param advertised the Auth-/Acct-Application-Ids of its CER or CEA
     */
    static PeerAuthorisation of(Optional<PeerConfig> peer, Set<Long> advertised) {
        return new PeerAuthorisation(peer.map(PeerConfig::roles).orElse(Set.of(PeerConfig.DEFAULT_ROLE)),
                peer.flatMap(PeerConfig::applications), advertised);
    }

    /** Empty when the request may go on; else why not. Base-protocol (application 0) requests are not judged here. */
    Optional<TrustRefusal> check(DiameterMessage request) {
        long app = request.applicationId();
        if (app == ApplicationIds.COMMON) {
            return Optional.empty();
        }
        if (!advertisedRelay && !advertised.contains(app)) {
            return refuse(TrustRule.APPLICATION_NOT_ADVERTISED, ResultCode.DIAMETER_APPLICATION_UNSUPPORTED,
                    "application " + app + " was not announced in the peer's capabilities exchange");
        }
        if (!applications.contains(app)) {
            return refuse(TrustRule.APPLICATION_NOT_ALLOWED, ResultCode.DIAMETER_APPLICATION_UNSUPPORTED,
                    "application " + app + " is not allowed to a peer of role " + roleNames());
        }
        if (!requests.contains(key(app, request.commandCode()))) {
            return refuse(TrustRule.COMMAND_NOT_ALLOWED, ResultCode.DIAMETER_COMMAND_UNSUPPORTED,
                    "command " + request.commandCode() + " of application " + app + " is not accepted from a peer of role "
                            + roleNames());
        }
        return Optional.empty();
    }

    private String roleNames() {
        return String.join("+", roles.stream().map(PeerRole::configName).sorted().toList());
    }

    private static Optional<TrustRefusal> refuse(TrustRule rule, ResultCode code, String reason) {
        return Optional.of(new TrustRefusal(rule, code.code(), Optional.empty(), reason, Counter.REQUESTS_NOT_AUTHORISED));
    }
}
