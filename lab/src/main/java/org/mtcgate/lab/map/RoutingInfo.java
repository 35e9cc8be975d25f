package org.mtcgate.lab.map;

/**
 * The result of SendRoutingInfoForSM (TS 29.002 12.1.3): the subscriber's IMSI (or, behind an SMS Router,
 * an MT correlation ID in its place) and the network node number of the serving MSC, SGSN or SMS Router; and
 * the stored MSISDN of an InformServiceCentre (TS 29.002 12.6) that came with it, or null.
 */
public record RoutingInfo(String imsi, String networkNodeNumber, String informedStoredMsisdn) {
    public RoutingInfo(String imsi, String networkNodeNumber) {
        this(imsi, networkNodeNumber, null);
    }
}
