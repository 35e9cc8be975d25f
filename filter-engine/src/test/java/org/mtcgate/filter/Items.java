package org.mtcgate.filter;

/** Short ways to build the items the tests decide on. */
public final class Items {
    private Items() {
    }

    public static InboundItem tsp(String scs, int pid, String msisdn) {
        return InboundItem.builder(Ingress.TSP, Originator.named(scs)).tpPid(pid).targetMsisdn(Msisdn.of(msisdn)).build();
    }

    public static InboundItem tspExt(String scs, String externalId) {
        return InboundItem.builder(Ingress.TSP, Originator.named(scs)).tpPid(0x48)
                .targetExternalId(ExternalId.of(externalId)).build();
    }

    public static InboundItem t4(String mtcIwf, String msisdn) {
        return InboundItem.builder(Ingress.T4, Originator.named(mtcIwf)).tpPid(0x48).targetMsisdn(Msisdn.of(msisdn)).build();
    }

    public static InboundItem tsms(String sme, int pid, String msisdn) {
        return InboundItem.builder(Ingress.TSMS, Originator.numbered(GlobalTitle.of(sme))).tpPid(pid)
                .targetMsisdn(Msisdn.of(msisdn)).build();
    }

    public static InboundItem mo(String ue, int pid, String destination) {
        return InboundItem.builder(Ingress.SMS_IWMSC_MO, Originator.numbered(GlobalTitle.of(ue))).tpPid(pid)
                .targetMsisdn(Msisdn.of(destination)).build();
    }

    /** A home signalling link (an STP or SMS-SC association of the operator's own). */
    public static final ArrivalLink HOME_LINK = new ArrivalLink("home-stp", Zone.HOME);
    /** The international gateway. */
    public static final ArrivalLink INTL_GW = new ArrivalLink("intl-gw", Zone.INTERCONNECT);

    /** An MT-ForwardSM at the router that arrived over {@link #HOME_LINK}. */
    public static InboundItem routerMt(String smRpOa, String callingGt, String tpOa, int pid, String imsi) {
        return routerMt(smRpOa, callingGt, tpOa, pid, imsi, HOME_LINK);
    }

    public static InboundItem routerMt(String smRpOa, String callingGt, String tpOa, int pid, String imsi, ArrivalLink link) {
        return InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of(smRpOa),
                        callingGt == null ? null : GlobalTitle.of(callingGt), tpOa == null ? null : GlobalTitle.of(tpOa), link))
                .tpPid(pid).targetImsi(Imsi.of(imsi)).build();
    }

    /** An MO SM relayed by the MSC with calling GT {@code msc}, over {@code link}. */
    public static InboundItem mo(String ue, String msc, int pid, String destination, ArrivalLink link) {
        return InboundItem.builder(Ingress.SMS_IWMSC_MO, new Originator(ue, GlobalTitle.of(ue), GlobalTitle.of(msc), null, link))
                .tpPid(pid).targetMsisdn(Msisdn.of(destination)).build();
    }
}
