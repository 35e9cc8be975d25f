package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.primitives.ISDNAddressString;
import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.LocationInfoWithLMSI;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.map.dialog.Digits;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;

/**
 * The HLR's whole answer to SendRoutingInfoForSM: the result, and the InformServiceCentre it may have sent in the
 * same TC-END (TS 29.002 12.6: the MSISDN it has stored and the message waiting status), or null.
 */
public record RoutingAnswer(SendRoutingInfoForSMResponse result, InformServiceCentreRequest informServiceCentre) {
    /** The serving MSC and SGSN numbers of an SRI-for-SM result (TS 29.002 12.1.3, LocationInfoWithLMSI); either may be null. */
    public record ServingNumbers(String msc, String sgsn) {
        /** From the location info, or null when it names no node. */
        public static ServingNumbers of(LocationInfoWithLMSI location) {
            if (location == null || location.getNetworkNodeNumber() == null) {
                return null;
            }
            String node = digitsOf(location.getNetworkNodeNumber());
            String additionalMsc = location.getAdditionalNumber() == null ? null
                    : digitsOf(location.getAdditionalNumber().getMSCNumber());
            String additionalSgsn = location.getAdditionalNumber() == null ? null
                    : digitsOf(location.getAdditionalNumber().getSGSNNumber());
            ServingNumbers nodes = location.getGprsNodeIndicator()
                    ? new ServingNumbers(additionalMsc, node) : new ServingNumbers(node, additionalSgsn);
            return nodes.msc() == null && nodes.sgsn() == null ? null : nodes;
        }

        private static String digitsOf(ISDNAddressString address) {
            GlobalTitle gt = address == null ? null : Digits.globalTitle(address.getAddress());
            return gt == null ? null : gt.digits();
        }
    }
}
