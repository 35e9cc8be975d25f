package org.mtcgate.filter;

import java.util.Objects;

/**
 * Who sent an item, as the ingress adapter could verify it.
 *
 * @param identity    the sender's name on its interface: the SCS's Diameter identity on Tsp, the MTC-IWF's on
 *                    T4, the SME's address or system id on Tsms, the UE's MSISDN on MO, the SMSC address
 *                    (SM-RP-OA) at the router; never null
 * @param address     the same sender as a number, when it has one (SME address, SMSC GT, UE MSISDN), else null
 * @param networkNode the SCCP calling global title that delivered the item, when the ingress is MAP, else null
 * @param tpOriginatingAddress the TP-OA inside an SMS-DELIVER, when there is one (the OTA platform's
 *                    number, for example), else null
 * @param arrivalLink the signalling link (peer and zone) the item arrived on, when the ingress is MAP, else null
 */
public record Originator(String identity, GlobalTitle address, GlobalTitle networkNode, GlobalTitle tpOriginatingAddress,
                         ArrivalLink arrivalLink) {
    public Originator {
        Objects.requireNonNull(identity, "identity");
    }

    /** An originator with no arrival link (not MAP, or not known). */
    public Originator(String identity, GlobalTitle address, GlobalTitle networkNode, GlobalTitle tpOriginatingAddress) {
        this(identity, address, networkNode, tpOriginatingAddress, null);
    }

    /** The same originator, arrived on {@code link}. */
    public Originator arrivedOn(ArrivalLink link) {
        return new Originator(identity, address, networkNode, tpOriginatingAddress, link);
    }

    /** A sender known by name only, such as an SCS on Tsp or an MTC-IWF on T4. */
    public static Originator named(String identity) {
        return new Originator(identity, null, null, null);
    }

    /** A sender known by its number, such as an SME or a UE. */
    public static Originator numbered(GlobalTitle address) {
        return new Originator(address.digits(), address, null, null);
    }

    /** The SMSC that sent an MT-ForwardSM: its SM-RP-OA, the SCCP calling GT and the TP-OA of the SMS-DELIVER. */
    public static Originator smsc(GlobalTitle serviceCentre, GlobalTitle callingGt, GlobalTitle tpOa) {
        return new Originator(serviceCentre.digits(), serviceCentre, callingGt, tpOa, null);
    }

    /** As {@link #smsc(GlobalTitle, GlobalTitle, GlobalTitle)}, arrived on {@code link}. */
    public static Originator smsc(GlobalTitle serviceCentre, GlobalTitle callingGt, GlobalTitle tpOa, ArrivalLink link) {
        return new Originator(serviceCentre.digits(), serviceCentre, callingGt, tpOa, link);
    }
}
