package org.mtcgate.diameter.peer;

import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.peer.PeerSecurityListener.TrustRule;

/** Why a request is refused before any handler sees it, and what the peer is answered. */
record TrustRefusal(TrustRule rule, long resultCode, Optional<Avp> failedAvp, String reason, Counter counter) {
}
