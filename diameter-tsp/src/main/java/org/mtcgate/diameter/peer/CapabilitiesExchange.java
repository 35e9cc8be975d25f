package org.mtcgate.diameter.peer;

import java.net.InetAddress;
import java.util.HashSet;
import java.util.Set;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;

/**
 * CER/CEA content (RFC 6733 5.3). Applications are announced as Vendor-Specific-Application-Id
 * with Vendor-Id 10415 for the 3GPP ones, plus Auth-Application-Id for the common application.
 */
final class CapabilitiesExchange {
    /** RFC 6733 6.10 Inband-Security-Id values. */
    static final long NO_INBAND_SECURITY = 0;
    static final long TLS = 1;

    private final LocalIdentity local;
    private final Set<Long> applications;
    private final long inbandSecurity;

    /** @param inbandSecurity what this node announces: TLS only in {@link TlsMode#IN_BAND}, else none */
    CapabilitiesExchange(LocalIdentity local, Set<Long> applications, long inbandSecurity) {
        this.local = local;
        this.applications = Set.copyOf(applications);
        this.inbandSecurity = inbandSecurity;
    }

    /** RFC 6733 5.3.1. */
    DiameterMessage request(int hopByHop, int endToEnd) {
        return capabilities(DiameterMessage.request(CommandCodes.CAPABILITIES_EXCHANGE, ApplicationIds.COMMON, false)
                .hopByHopId(hopByHop).endToEndId(endToEnd), null);
    }

    /** RFC 6733 5.3.2. */
    DiameterMessage answer(DiameterMessage cer, long resultCode) {
        return capabilities(DiameterMessage.answerTo(cer).error(resultCode >= 3000 && resultCode < 4000), resultCode);
    }

    /**
     * A CEA refusing the CER: for 3xxx the RFC 6733 7.2 error format with the E bit (built by
     * {@link ErrorAnswers}); otherwise a full CEA (5.3.2) with Error-Message and Failed-AVP.
     */
    DiameterMessage refusal(DiameterMessage cer, long resultCode, java.util.Optional<Avp> failed, String message,
                            ErrorAnswers errors) {
        if (resultCode >= 3000 && resultCode < 4000) {
            return errors.build(cer, resultCode, failed, message);
        }
        DiameterMessage.Builder b = answer(cer, resultCode).toBuilder().avp(BaseAvps.errorMessage(message));
        failed.ifPresent(f -> b.avp(BaseAvps.failedAvp(f)));
        return b.build();
    }

    private DiameterMessage capabilities(DiameterMessage.Builder b, Long resultCode) {
        if (resultCode != null) {
            b.avp(BaseAvps.resultCode(resultCode));
        }
        b.avp(BaseAvps.originHost(local.originHost())).avp(BaseAvps.originRealm(local.originRealm()));
        for (InetAddress a : local.hostIpAddresses()) {
            b.avp(BaseAvps.hostIpAddress(a));
        }
        b.avp(BaseAvps.vendorId(local.vendorId()))
         .avp(BaseAvps.productName(local.productName()))
         .avp(BaseAvps.originStateId(local.originStateId()))
         .avp(BaseAvps.supportedVendorId(VendorIds.TGPP));
        for (Long app : applications) {
            b.avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, app));
        }
        b.avp(BaseAvps.inbandSecurityId(inbandSecurity))
         .avp(BaseAvps.firmwareRevision(local.firmwareRevision()));
        return b.build();
    }

    /** Applications the peer announced: Auth-/Acct-Application-Id, top level or inside VSAI. */
    static Set<Long> announcedApplications(DiameterMessage m) {
        Set<Long> apps = new HashSet<>();
        for (Avp a : m.avps()) {
            if (a.vendorId() != 0) {
                continue;
            }
            if (a.code() == AvpCodes.AUTH_APPLICATION_ID || a.code() == AvpCodes.ACCT_APPLICATION_ID) {
                apps.add(a.unsigned32());
            } else if (a.code() == AvpCodes.VENDOR_SPECIFIC_APPLICATION_ID) {
                for (Avp c : a.groupedAvps()) {
                    if (c.code() == AvpCodes.AUTH_APPLICATION_ID || c.code() == AvpCodes.ACCT_APPLICATION_ID) {
                        apps.add(c.unsigned32());
                    }
                }
            }
        }
        return apps;
    }

    /** RFC 6733 5.3: at least one application in common, the relay application matching all. */
    boolean hasCommonApplication(DiameterMessage peerCapabilities) {
        Set<Long> theirs = announcedApplications(peerCapabilities);
        if (theirs.contains(ApplicationIds.RELAY) || applications.isEmpty()) {
            return true;
        }
        return theirs.stream().anyMatch(applications::contains);
    }

    /**
     * RFC 6733 5.3/6.10: the peer must offer our in-band security. An absent Inband-Security-Id
     * means NO_INBAND_SECURITY.
     */
    boolean hasCommonSecurity(DiameterMessage peerCapabilities) {
        var ids = peerCapabilities.avps(AvpCodes.INBAND_SECURITY_ID, 0);
        if (ids.isEmpty()) {
            return inbandSecurity == NO_INBAND_SECURITY;
        }
        return ids.stream().anyMatch(a -> a.dataLength() == 4 && a.unsigned32() == inbandSecurity);
    }
}
