package org.mtcgate.diameter.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.PeerSecurityListener.TrustRule;

/** The per-request decisions on their own; the attack suite drives them over sockets. */
class RequestBindingTest {
    @Test
    void aHostLiesInItsRealmOnlyAtALabelBoundary() {
        assertTrue(RequestBinding.lies("scs1.utility.test", "utility.test"));
        assertTrue(RequestBinding.lies("SCS1.Utility.Test", "utility.test"), "DiameterIdentities compare without case");
        assertTrue(RequestBinding.lies("utility.test", "utility.test"));
        assertFalse(RequestBinding.lies("scs1.evilutility.test", "utility.test"), "a suffix is not a subdomain");
        assertFalse(RequestBinding.lies("scs1.utility.test", ""));
    }

    @Test
    void originHostIsComparedWithoutCaseAndAnythingElseIsRefused() {
        RequestBinding b = RequestBinding.of("scs1.utility.test", "utility.test", Optional.empty());
        assertTrue(b.check(request("SCS1.utility.test", "UTILITY.test")).isEmpty());
        assertEquals(TrustRule.ORIGIN_HOST_MISMATCH, b.check(request("scs2.utility.test", "utility.test")).orElseThrow().rule());
    }

    @Test
    void aPeerOfSeveralRolesMaySendWhatAnyOfThemMay() {
        PeerAuthorisation a = PeerAuthorisation.of(Optional.of(new PeerConfig("core.b.test", "b.test", Optional.empty(),
                Set.of(PeerRole.HSS, PeerRole.SMS_SC), Optional.empty())), Set.of(ApplicationIds.T4, ApplicationIds.S6M));
        assertTrue(a.check(DiameterMessage.request(CommandCodes.DELIVERY_REPORT, ApplicationIds.T4, true).build()).isEmpty());
        assertEquals(TrustRule.COMMAND_NOT_ALLOWED, a.check(DiameterMessage.request(CommandCodes.DEVICE_TRIGGER,
                ApplicationIds.T4, true).build()).orElseThrow().rule());
        assertEquals(TrustRule.APPLICATION_NOT_ALLOWED, a.check(DiameterMessage.request(CommandCodes.SUBSCRIBER_INFORMATION,
                ApplicationIds.S6M, true).build()).orElseThrow().rule());
    }

    @Test
    void aPeerAnnouncingTheRelayApplicationIsStillHeldToItsRole() {
        PeerAuthorisation a = PeerAuthorisation.of(Optional.empty(), Set.of(ApplicationIds.RELAY));
        assertTrue(a.check(DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true).build()).isEmpty());
        assertEquals(TrustRule.APPLICATION_NOT_ALLOWED, a.check(DiameterMessage.request(CommandCodes.DEVICE_TRIGGER,
                ApplicationIds.T4, true).build()).orElseThrow().rule());
    }

    private static DiameterMessage request(String host, String realm) {
        return DiameterMessage.request(CommandCodes.DEVICE_ACTION, ApplicationIds.TSP, true)
                .avp(BaseAvps.originHost(host)).avp(BaseAvps.originRealm(realm)).build();
    }
}
