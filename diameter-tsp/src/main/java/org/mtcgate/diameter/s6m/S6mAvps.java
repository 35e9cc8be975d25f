package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.VendorIds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builders for the S6m AVPs of TS 29.336 6.4 (vendor 10415, M bit set). */
public final class S6mAvps {
    /** Service-ID (TS 29.336 6.4.3) DEVICE_TRIGGER. */
    public static final int SERVICE_DEVICE_TRIGGER = 0;
    /** Service-ID SMS_MO (MSISDN-less MO SMS), not served by this node. */
    public static final int SERVICE_SMS_MO = 1;
    /** SIR-Flags (TS 29.336 6.4.10) bit 0, S6m/S6n indicator: set, the SIR comes from an MTC-IWF over S6m. */
    public static final long SIR_FLAG_BIT0 = 1;
    /** HSS-Cause (TS 29.336 6.4.9) bit 0: absent subscriber. */
    public static final long HSS_CAUSE_ABSENT_SUBSCRIBER = 1;

    private S6mAvps() {
    }

    public static Avp vendorSpecificApplicationId() {
        return BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.S6M);
    }

    public static Avp serviceId(long id) {
        return TgppAvps.tgpp(AvpCodes.SERVICE_ID).unsigned32(id);
    }

    public static Avp scsIdentity(String scs) {
        return TgppAvps.tgpp(AvpCodes.SCS_IDENTITY).octets(scs.getBytes(StandardCharsets.UTF_8));
    }

    public static Avp sirFlags(long flags) {
        return TgppAvps.tgpp(AvpCodes.SIR_FLAGS).unsigned32(flags);
    }

    /** Service-Data { T4-Data { [HSS-Cause] [Serving-Node] *[Additional-Serving-Node] } } (TS 29.336 6.4.7, 8.4.8). */
    public static Avp serviceDataWithT4(List<String> servingNodes) {
        List<Avp> t4 = new ArrayList<>();
        List<Avp> nodes = ServingNodes.toAvps(servingNodes);
        if (nodes.isEmpty()) {
            t4.add(TgppAvps.tgpp(AvpCodes.HSS_CAUSE).unsigned32(HSS_CAUSE_ABSENT_SUBSCRIBER));
        }
        t4.addAll(nodes);
        return TgppAvps.tgpp(AvpCodes.SERVICE_DATA).grouped(TgppAvps.tgpp(AvpCodes.T4_DATA).grouped(t4));
    }
}
