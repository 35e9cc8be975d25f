package org.mtcgate.map.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.lab.map.UnansweredDialogGuard;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;

/**
 * A hub signalling point with three peers over M3UA/TCP on loopback: a foreign SMSC that connects in (the
 * default peer), and an HLR and an MSC the hub connects to, routed on GT prefixes 4917 and 49171. Each test
 * would fail if a message went to the wrong peer: the peers that must not see an operation abort it at once.
 */
class MultiPeerStackTest {
    private static final long WAIT = 20;
    private static final String HUB_GT = "491720000300";
    private static final String SMSC_GT = "33612000000";
    private static final String HLR_GT = "491700000006";
    private static final String MSC_GT = "49171000008";
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";

    @TempDir
    Path dataDir;

    private Ss7Stack hub;
    private Ss7Stack smsc;
    private Ss7Stack hlr;
    private Ss7Stack msc;

    @BeforeEach
    void start() throws Exception {
        int[] p = FreePorts.distinct(6);
        hlr = Ss7Stack.assemble(Ss7StackConfig.builder().name("hlr").dataDir(dataDir).role(AssociationRole.SERVER)
                .local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, 1)
                .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR_GT).build());
        msc = Ss7Stack.assemble(Ss7StackConfig.builder().name("msc").dataDir(dataDir).role(AssociationRole.SERVER)
                .local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(MSC_GT).build());
        hub = Ss7Stack.assemble(Ss7StackConfig.builder().name("hub").dataDir(dataDir).localPointCode(1)
                .localSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR).localGlobalTitle(HUB_GT)
                .peer(RemotePeer.builder("smsc").role(AssociationRole.SERVER).local("127.0.0.1", p[0])
                        .remote("127.0.0.1", p[1]).pointCode(2).ssns(Ss7StackConfig.SSN_MSC).build())
                .peer(RemotePeer.builder("hlr").role(AssociationRole.CLIENT).local("127.0.0.1", p[2])
                        .remote("127.0.0.1", p[3]).pointCode(3).ssns(Ss7StackConfig.SSN_HLR).gtPrefixes("4917").build())
                .peer(RemotePeer.builder("msc").role(AssociationRole.CLIENT).local("127.0.0.1", p[4])
                        .remote("127.0.0.1", p[5]).pointCode(4).ssns(Ss7StackConfig.SSN_MSC).gtPrefixes("49171").build())
                .defaultPeer("smsc").build());
        smsc = Ss7Stack.assemble(Ss7StackConfig.builder().name("smsc").dataDir(dataDir).role(AssociationRole.CLIENT)
                .local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                .localGlobalTitle(SMSC_GT).build());
        new HlrPeer(hlr).provision(MSISDN, new HlrPeer.Subscription(IMSI, MSC_GT));
        new HlrPeer(hub).provision(MSISDN, new HlrPeer.Subscription("262010000000009", HUB_GT));
        for (Ss7Stack s : List.of(hlr, msc, hub, smsc)) {
            UnansweredDialogGuard.attach(s);
        }
        for (Ss7Stack s : List.of(hlr, msc, hub, smsc)) {
            s.connect();
        }
        for (Ss7Stack s : List.of(hlr, msc, hub, smsc)) {
            s.active().get(WAIT, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        for (Ss7Stack s : new Ss7Stack[] {smsc, hub, msc, hlr}) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void calledGtPrefixSelectsThePeer() throws Exception {
        SmscPeer fromHub = new SmscPeer(hub);
        assertEquals(new RoutingInfo(IMSI, MSC_GT),
                fromHub.sendRoutingInfoForSm(MSISDN, HLR_GT).get(WAIT, TimeUnit.SECONDS), "4917... goes to the HLR");
    }

    @Test
    void longestPrefixWins() throws Exception {
        MscPeer atMsc = new MscPeer(msc);
        SmscPeer fromHub = new SmscPeer(hub);
        byte[] tpdu = TpduCodec.encode(sm());
        // 49171... matches both 4917 (HLR) and 49171 (MSC); the HLR stack would abort an MT-ForwardSM.
        fromHub.mtForwardSm(IMSI, MSC_GT, tpdu, false).get(WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(sm()), atMsc.deliveredTo(IMSI));
    }

    @Test
    void unmatchedTitlesGoToTheDefaultPeer() throws Exception {
        MscPeer atSmsc = new MscPeer(smsc);
        new SmscPeer(hub).mtForwardSm(IMSI, "33699999999", TpduCodec.encode(sm()), false).get(WAIT, TimeUnit.SECONDS);
        assertEquals(List.of(sm()), atSmsc.deliveredTo(IMSI));
    }

    /** A dialog from the peer that connected in terminates at the hub and the answer goes back to it. */
    @Test
    void incomingDialogTerminatesLocallyAndIsAnswered() throws Exception {
        SmscPeer fromSmsc = new SmscPeer(smsc);
        // The called GT lies in the HLR's prefix: the hub must still answer it itself.
        assertEquals(new RoutingInfo("262010000000009", HUB_GT),
                fromSmsc.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS));
    }

    @Test
    void activityIsReportedPerPeer() throws Exception {
        hub.active("hlr").get(WAIT, TimeUnit.SECONDS);
        hub.active("msc").get(WAIT, TimeUnit.SECONDS);
        assertTrue(hub.active().isDone());
        assertThrows(IllegalArgumentException.class, () -> hub.active("nope"));
    }

    private static SmsDeliver sm() {
        return new SmsDeliver(false, false, false, false, SmsAddress.international("4930123456"), 0x00, 0x04,
                new ServiceCentreTimeStamp(26, 11, 22, 13, 0, 0, 4), UserData.eightBit(null, new byte[] {1, 2, 3}));
    }
}
