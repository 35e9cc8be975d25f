package org.mtcgate.smpp;

import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.Originator;

/**
 * Describes a submitted SM to the filter engine. The originator is the SME the bind authenticated: its system_id
 * as identity, and the source_addr as its number only because the SME's configuration owns that address (checked
 * before this is called). The port and the UDH come from what the UE would receive.
 */
final class TsmsItems {
    private TsmsItems() {
    }

    static Originator originator(SmeAccount sme, String sourceAddress) {
        GlobalTitle number = digits(sourceAddress) ? GlobalTitle.of(sourceAddress) : null;
        return new Originator(sme.systemId(), number, null, null);
    }

    static InboundItem item(SmeAccount sme, Submission s, Msisdn target) {
        InboundItem.Builder b = InboundItem.builder(Ingress.TSMS, originator(sme, s.sourceAddress()))
                .targetMsisdn(target)
                .tpPid(s.protocolId())
                .tpDcs(s.dataCoding());
        UserDataHeader h = s.header();
        int destination = s.destinationPort();
        int origin = s.sourcePort();
        int payload = s.userData().length;
        if (h != null) {
            b.udhIeis(h.identifiers());
            if (h.segment() != null) {
                b.segment(h.segment());
            }
            if (h.destinationPort() != InboundItem.NO_PORT) {
                destination = h.destinationPort();
                origin = h.originatorPort();
            }
            payload -= h.length();
        }
        return b.ports(destination, origin).payloadLength(payload).build();
    }

    static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 15 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
