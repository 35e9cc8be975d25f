package org.mtcgate.map.client;

import org.mobicents.protocols.ss7.map.api.service.sms.InformServiceCentreRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMResponse;

/**
 * The HLR's whole answer to SendRoutingInfoForSM: the result, and the InformServiceCentre it may have sent in the
 * same TC-END (TS 29.002 12.6: the MSISDN it has stored and the message waiting status), or null.
 */
public record RoutingAnswer(SendRoutingInfoForSMResponse result, InformServiceCentreRequest informServiceCentre) {
}
