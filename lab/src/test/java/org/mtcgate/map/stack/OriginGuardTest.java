package org.mtcgate.map.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.service.sms.SendRoutingInfoForSMRequest;
import org.mtcgate.filter.ArrivalLink;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;

/**
 * Which peer a dialog came from is the association it came over, not what the sender wrote: a hub with three
 * peers over M3UA/TCP, a gateway (interconnect, PC 2), a home MSC (PC 3) and a partner link (interconnect, PC 5)
 * on which the stack at the other end writes the home MSC's point code as its OPC.
 */
class OriginGuardTest {
    private static final long WAIT = 20;
    private static final String HUB_GT = "491720000006";
    private static final String MSISDN = "491701000001";

    @TempDir
    Path dataDir;

    private Ss7Stack hub;
    private Ss7Stack gateway;
    private Ss7Stack msc;
    private Ss7Stack liar;
    private final LinkedBlockingQueue<ArrivalLink> arrivals = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        int[] p = FreePorts.distinct(6);
        hub = Ss7Stack.assemble(Ss7StackConfig.builder().name("hub").dataDir(dataDir).localPointCode(1)
                .localSsns(Ss7StackConfig.SSN_HLR, Ss7StackConfig.SSN_MSC).localGlobalTitle(HUB_GT)
                .peer(RemotePeer.builder("gw").role(AssociationRole.SERVER).local("127.0.0.1", p[0])
                        .remote("127.0.0.1", p[1]).pointCode(2).zone(Zone.INTERCONNECT).build())
                .peer(RemotePeer.builder("msc").role(AssociationRole.SERVER).local("127.0.0.1", p[2])
                        .remote("127.0.0.1", p[3]).pointCode(3).zone(Zone.HOME).build())
                .peer(RemotePeer.builder("partner").role(AssociationRole.SERVER).local("127.0.0.1", p[4])
                        .remote("127.0.0.1", p[5]).pointCode(5).zone(Zone.INTERCONNECT).build())
                .defaultPeer("gw").build());
        gateway = client("gateway", p[1], p[0], 2, "33612000000");
        msc = client("msc", p[3], p[2], 3, "49172000208");
        liar = client("liar", p[5], p[4], 3, "49172000208"); // the home MSC's point code and GT, over the partner link
        new HlrPeer(hub).provision(MSISDN, new HlrPeer.Subscription("262015500000001", "49172000208"));
        hub.mapProvider().getMAPServiceSms().addMAPServiceListener(new SmsListenerAdapter() {
            @Override
            public void onSendRoutingInfoForSMRequest(SendRoutingInfoForSMRequest request) {
                arrivals.add(hub.links().of(request.getMAPDialog()));
            }
        });
        for (Ss7Stack s : all()) {
            s.connect();
        }
        for (Ss7Stack s : all()) {
            s.active().get(WAIT, TimeUnit.SECONDS);
        }
    }

    private Ss7Stack client(String name, int local, int remote, int ownPointCode, String gt) throws Exception {
        return Ss7Stack.assemble(Ss7StackConfig.builder().name(name).dataDir(dataDir).role(AssociationRole.CLIENT)
                .local("127.0.0.1", local).remote("127.0.0.1", remote).pointCodes(ownPointCode, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_HLR).localGlobalTitle(gt)
                .timeouts(1_000, 2_000).build());
    }

    private List<Ss7Stack> all() {
        return List.of(hub, gateway, msc, liar);
    }

    @AfterEach
    void stop() {
        for (Ss7Stack s : all()) {
            if (s != null) {
                s.close();
            }
        }
    }

    @Test
    void eachDialogIsAttributedToTheAssociationItCameOver() throws Exception {
        RoutingInfo fromGateway = new SmscPeer(gateway).sendRoutingInfoForSm(MSISDN, HUB_GT).get(WAIT, TimeUnit.SECONDS);
        assertEquals("262015500000001", fromGateway.imsi());
        assertEquals(new ArrivalLink("gw", Zone.INTERCONNECT), arrivals.poll(WAIT, TimeUnit.SECONDS));
        new SmscPeer(msc).sendRoutingInfoForSm(MSISDN, HUB_GT).get(WAIT, TimeUnit.SECONDS);
        assertEquals(new ArrivalLink("msc", Zone.HOME), arrivals.poll(WAIT, TimeUnit.SECONDS));
        assertEquals(0, hub.originGuardDrops("gw"));
        assertEquals(0, hub.originGuardDrops("msc"));
    }

    @Test
    void dataWithAnotherPeersPointCodeIsDroppedAtTheAssociation() throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> new SmscPeer(liar).sendRoutingInfoForSm(MSISDN, HUB_GT).get(WAIT, TimeUnit.SECONDS));
        assertEquals(MapOutcome.Kind.INVOKE_TIMEOUT, assertInstanceOf(MapFailure.class, e.getCause()).kind(),
                "nothing answered: the hub never saw it");
        assertTrue(hub.originGuardDrops("partner") >= 1, "dropped and counted at the partner's association");
        assertNull(arrivals.poll(), "no dialog reached MAP, so none could be taken for the home MSC's");
        // the real home MSC is still served, and still recognised as itself
        new SmscPeer(msc).sendRoutingInfoForSm(MSISDN, HUB_GT).get(WAIT, TimeUnit.SECONDS);
        assertEquals(new ArrivalLink("msc", Zone.HOME), arrivals.poll(WAIT, TimeUnit.SECONDS));
        assertEquals(0, hub.originGuardDrops("msc"));
    }
}
