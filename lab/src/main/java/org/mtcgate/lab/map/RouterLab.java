package org.mtcgate.lab.map;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.stack.Transport;

/**
 * Five stacks on loopback for router tests and benchmarks, each its own signalling point over M3UA/TCP:
 * <pre>
 *   foreign SMSC (PC 2) --connects--> router (PC 1) --connects--> HLR (PC 3)
 *   home SMS-SC  (PC 5) --connects-->               --connects--> MSC (PC 4)
 * </pre>
 * The router's peers "smsc" (the international gateway) is in the interconnect zone; "home-smsc", "hlr" and
 * "msc" are home. The router routes {@link #HLR_GT} to the HLR, {@link #MSC_GT} and {@link #SGSN_GT} to the MSC
 * stack and everything else to the foreign SMSC stack, its default peer; answers go back over the link the
 * dialog came in on. Either SMSC stack may call from any GT outside those (the foreign one pretending to be the
 * home SMS-SC, say). Nothing is attached: add router and peers, then {@link #connect}.
 */
public final class RouterLab implements AutoCloseable {
    public static final String ROUTER_GT = "491720000300";  // 12 digits: even BCD
    public static final String HLR_GT = "491720000006";
    public static final String MSC_GT = "49172000208";      // 11 digits: odd BCD
    /** An SGSN served by the MSC's stack (its SSN 149): the router reaches it through the MSC peer's association. */
    public static final String SGSN_GT = "49172000209";
    public static final String FOREIGN_SMSC_GT = "33612000000";
    /** The home SMS-SC that handles triggers (the lab policies trust it). */
    public static final String HOME_SMSC_GT = "491720000100";
    /** The router's peer names. */
    public static final String PEER_FOREIGN = "smsc";
    public static final String PEER_HOME_SMSC = "home-smsc";
    public static final String PEER_HLR = "hlr";
    public static final String PEER_MSC = "msc";

    public final Ss7Stack smsc;
    public final Ss7Stack router;
    public final Ss7Stack hlr;
    public final Ss7Stack msc;
    public final Ss7Stack homeSmsc;

    private RouterLab(Ss7Stack smsc, Ss7Stack router, Ss7Stack hlr, Ss7Stack msc, Ss7Stack homeSmsc) {
        this.smsc = smsc;
        this.router = router;
        this.hlr = hlr;
        this.msc = msc;
        this.homeSmsc = homeSmsc;
    }

    /**
     * Assembles the four stacks with fresh ports. The router's TCAP timers are {@code routerInvokeMillis} and
     * twice that for the dialog idle timeout; the other stacks keep 30 s / 60 s, so the router's own dialogs
     * give up first and the SMSC still gets its answer.
     */
    public static RouterLab assemble(Path dataDir, long routerInvokeMillis) throws Exception {
        return assemble(dataDir, routerInvokeMillis, 0);
    }

    /** As {@link #assemble(Path, long)}, with {@code deliveryThreads} M3UA delivery threads per stack (0: jSS7's). */
    public static RouterLab assemble(Path dataDir, long routerInvokeMillis, int deliveryThreads) throws Exception {
        return assemble(dataDir, routerInvokeMillis, deliveryThreads, deliveryThreads);
    }

    /**
     * As {@link #assemble(Path, long)}, with {@code routerThreads} M3UA delivery threads in the router's stack and
     * {@code peerThreads} in each simulator's (0: jSS7's default, twice the cores).
     */
    public static RouterLab assemble(Path dataDir, long routerInvokeMillis, int routerThreads, int peerThreads)
            throws Exception {
        int[] p = FreePorts.distinct(8);
        Ss7Stack hlr = null;
        Ss7Stack msc = null;
        Ss7Stack router = null;
        Ss7Stack smsc = null;
        try {
            hlr = Ss7Stack.assemble(Ss7StackConfig.builder().name("lab-hlr").dataDir(dataDir)
                    .deliveryThreads(peerThreads)
                    .role(AssociationRole.SERVER).local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, 1)
                    .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR_GT)
                    .build());
            msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("lab-msc").dataDir(dataDir)
                    .deliveryThreads(peerThreads)
                    .role(AssociationRole.SERVER).local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, 1)
                    .localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_SGSN).remoteSsns(Ss7StackConfig.SSN_MSC)
                    .localGlobalTitle(MSC_GT)
                    .build());
            router = Ss7Stack.assemble(Ss7StackConfig.builder().name("lab-router").dataDir(dataDir)
                    .deliveryThreads(routerThreads)
                    .localPointCode(1).localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                    .localGlobalTitle(ROUTER_GT).timeouts(routerInvokeMillis, 2 * routerInvokeMillis)
                    .peer(RemotePeer.builder(PEER_FOREIGN).role(AssociationRole.SERVER).local("127.0.0.1", p[0])
                            .remote("127.0.0.1", p[1]).pointCode(2).ssns(Ss7StackConfig.SSN_MSC)
                            .zone(Zone.INTERCONNECT).build())
                    .peer(RemotePeer.builder(PEER_HLR).local("127.0.0.1", p[2]).remote("127.0.0.1", p[3]).pointCode(3)
                            .ssns(Ss7StackConfig.SSN_HLR).gtPrefixes(HLR_GT).zone(Zone.HOME).build())
                    .peer(RemotePeer.builder(PEER_MSC).local("127.0.0.1", p[4]).remote("127.0.0.1", p[5]).pointCode(4)
                            .ssns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_SGSN).gtPrefixes(MSC_GT, SGSN_GT)
                            .zone(Zone.HOME).build())
                    .peer(RemotePeer.builder(PEER_HOME_SMSC).role(AssociationRole.SERVER).local("127.0.0.1", p[6])
                            .remote("127.0.0.1", p[7]).pointCode(5).ssns(Ss7StackConfig.SSN_MSC).gtPrefixes(HOME_SMSC_GT)
                            .zone(Zone.HOME).build())
                    .defaultPeer(PEER_FOREIGN).build());
            smsc = Ss7Stack.assemble(Ss7StackConfig.builder().name("lab-smsc").dataDir(dataDir)
                    .deliveryThreads(peerThreads)
                    .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                    .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                    .localGlobalTitle(FOREIGN_SMSC_GT).build());
            Ss7Stack homeSmsc = Ss7Stack.assemble(Ss7StackConfig.builder().name("lab-home-smsc").dataDir(dataDir)
                    .deliveryThreads(peerThreads)
                    .role(AssociationRole.CLIENT).local("127.0.0.1", p[7]).remote("127.0.0.1", p[6]).pointCodes(5, 1)
                    .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                    .localGlobalTitle(HOME_SMSC_GT).build());
            return new RouterLab(smsc, router, hlr, msc, homeSmsc);
        } catch (Exception | Error e) {
            for (Ss7Stack s : new Ss7Stack[] {smsc, router, msc, hlr}) {
                if (s != null) {
                    s.close();
                }
            }
            throw e;
        }
    }

    private List<Ss7Stack> all() {
        return List.of(hlr, msc, router, smsc, homeSmsc);
    }

    /** Starts every ASP and waits until every M3UA AS is active. */
    public void connect(long timeout, TimeUnit unit) throws Exception {
        for (Ss7Stack s : all()) {
            s.connect();
        }
        for (Ss7Stack s : all()) {
            s.active().get(timeout, unit);
        }
    }

    @Override
    public void close() {
        for (Ss7Stack s : List.of(homeSmsc, smsc, router, msc, hlr)) {
            s.close();
        }
    }
}
