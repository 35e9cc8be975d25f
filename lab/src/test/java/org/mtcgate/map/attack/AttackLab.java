package org.mtcgate.map.attack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mtcgate.map.dialog.DialogLimits;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

/**
 * The router with a jSS7 SMSC, HLR and MSC (as in {@link org.mtcgate.lab.map.RouterLab}) and two more adjacent
 * peers that tests play with raw bytes: {@code intl} and {@code intl2}, each a server association of the router
 * that accepts one client address, with its own point code, routing context and GT prefix (the router's answers
 * to their GTs go back over their links).
 */
final class AttackLab implements AutoCloseable {
    static final String ROUTER_GT = "491720000300";
    static final String HLR_GT = "491720000006";
    static final String MSC_GT = "49172000208";
    static final String SMSC_GT = "33612000000";
    static final String INTL_GT = "33699000001";
    static final String INTL2_GT = "33688000001";
    static final int ROUTER_PC = 1;
    static final int INTL_PC = 5;
    static final int INTL2_PC = 6;
    static final long INTL_RC = 105;
    static final long INTL2_RC = 106;

    final Ss7Stack smsc;
    final Ss7Stack router;
    final Ss7Stack hlr;
    final Ss7Stack msc;
    /** Router listening port and the client ports it expects of intl and intl2. */
    final int intlServerPort;
    final int intlClientPort;
    final int intl2ClientPort;

    private AttackLab(Ss7Stack smsc, Ss7Stack router, Ss7Stack hlr, Ss7Stack msc, int server, int c1, int c2) {
        this.smsc = smsc;
        this.router = router;
        this.hlr = hlr;
        this.msc = msc;
        this.intlServerPort = server;
        this.intlClientPort = c1;
        this.intl2ClientPort = c2;
    }

    static AttackLab assemble(Path dataDir, long routerInvokeMillis, DialogLimits limits) throws Exception {
        int[] p = FreePorts.distinct(9);
        Ss7Stack hlr = null;
        Ss7Stack msc = null;
        Ss7Stack router = null;
        try {
            hlr = Ss7Stack.assemble(Ss7StackConfig.builder().name("atk-hlr").dataDir(dataDir)
                    .role(AssociationRole.SERVER).local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, 1)
                    .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR_GT)
                    .build());
            msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("atk-msc").dataDir(dataDir)
                    .role(AssociationRole.SERVER).local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, 1)
                    .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(MSC_GT)
                    .build());
            router = Ss7Stack.assemble(Ss7StackConfig.builder().name("atk-router").dataDir(dataDir)
                    .localPointCode(ROUTER_PC).localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                    .localGlobalTitle(ROUTER_GT).timeouts(routerInvokeMillis, 2 * routerInvokeMillis)
                    .peer(RemotePeer.builder("smsc").role(AssociationRole.SERVER).local("127.0.0.1", p[0])
                            .remote("127.0.0.1", p[1]).pointCode(2).ssns(Ss7StackConfig.SSN_MSC).build())
                    .peer(RemotePeer.builder("intl").role(AssociationRole.SERVER).local("127.0.0.1", p[6])
                            .remote("127.0.0.1", p[7]).pointCode(INTL_PC).routingContext(INTL_RC)
                            .ssns(Ss7StackConfig.SSN_MSC).gtPrefixes("33699").build())
                    .peer(RemotePeer.builder("intl2").role(AssociationRole.SERVER).local("127.0.0.1", p[6])
                            .remote("127.0.0.1", p[8]).pointCode(INTL2_PC).routingContext(INTL2_RC)
                            .ssns(Ss7StackConfig.SSN_MSC).gtPrefixes("33688").build())
                    .peer(RemotePeer.builder("hlr").local("127.0.0.1", p[2]).remote("127.0.0.1", p[3]).pointCode(3)
                            .ssns(Ss7StackConfig.SSN_HLR).gtPrefixes(HLR_GT).build())
                    .peer(RemotePeer.builder("msc").local("127.0.0.1", p[4]).remote("127.0.0.1", p[5]).pointCode(4)
                            .ssns(Ss7StackConfig.SSN_MSC).gtPrefixes(MSC_GT).build())
                    .defaultPeer("smsc").build(), limits);
            Ss7Stack smsc = Ss7Stack.assemble(Ss7StackConfig.builder().name("atk-smsc").dataDir(dataDir)
                    .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                    .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                    .localGlobalTitle(SMSC_GT).build());
            return new AttackLab(smsc, router, hlr, msc, p[6], p[7], p[8]);
        } catch (Exception | Error e) {
            for (Ss7Stack s : new Ss7Stack[] {router, msc, hlr}) {
                if (s != null) {
                    s.close();
                }
            }
            throw e;
        }
    }

    /** Starts the jSS7 stacks and waits for their ASes (the raw peers come up on their own). */
    void connect(long timeout, TimeUnit unit) throws Exception {
        for (Ss7Stack s : List.of(hlr, msc, router, smsc)) {
            s.connect();
        }
        for (String peer : List.of("smsc", "hlr", "msc")) {
            router.active(peer).get(timeout, unit);
        }
        for (Ss7Stack s : List.of(hlr, msc, smsc)) {
            s.active().get(timeout, unit);
        }
    }

    @Override
    public void close() {
        for (Ss7Stack s : List.of(smsc, router, msc, hlr)) {
            s.close();
        }
    }
}
