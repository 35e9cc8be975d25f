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

    public static InboundItem routerMt(String smRpOa, String callingGt, String tpOa, int pid, String imsi) {
        return InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of(smRpOa),
                        callingGt == null ? null : GlobalTitle.of(callingGt), tpOa == null ? null : GlobalTitle.of(tpOa)))
                .tpPid(pid).targetImsi(Imsi.of(imsi)).build();
    }
}
