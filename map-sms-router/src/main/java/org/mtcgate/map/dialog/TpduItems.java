package org.mtcgate.map.dialog;

import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Segment;
import org.mtcgate.map.tpdu.Tpdu;
import org.mtcgate.map.tpdu.UserDataHeader;

/**
 * What the filter engine screens of any TPDU: TP-PID, TP-DCS, the UDH's IEIs, its application port and its
 * concatenation IE. The adapters add originator and target.
 */
public final class TpduItems {
    private TpduItems() {
    }

    /** Fills {@code b} with the screened fields of {@code tpdu}; {@code payloadLength} is the body's length. */
    public static InboundItem.Builder describe(InboundItem.Builder b, Tpdu tpdu, int payloadLength) {
        b.tpPid(tpdu.protocolIdentifier()).tpDcs(tpdu.dataCodingScheme()).payloadLength(payloadLength);
        UserDataHeader header = tpdu.header();
        if (header != null) {
            b.udhIeis(header.identifiers());
            header.applicationPort().ifPresent(p -> b.ports(p.destinationPort(), p.originatorPort()));
            header.concatenation().ifPresent(c -> b.segment(new Segment(c.reference(), c.total(), c.sequence())));
        }
        return b;
    }
}
