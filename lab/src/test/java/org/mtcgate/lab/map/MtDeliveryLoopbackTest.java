package org.mtcgate.lab.map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextVersion;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.stack.Transport;
import org.mtcgate.map.tpdu.ApplicationPort;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;

/**
 * Two jSS7 stacks over M3UA/TCP on loopback: SRI-SM (shortMsgGatewayContext v3) then MT-ForwardSM
 * (shortMsgMTRelayContext v3) carrying a device-trigger SMS-DELIVER, and the MAP errors of the HLR and MSC.
 */
class MtDeliveryLoopbackTest {
    private static final long WAIT_SECONDS = 15;
    private static final String MSISDN = "491511234567";
    private static final String IMSI = "262019876543210";
    private static final int TRIGGER_PORT = 9200;

    @TempDir
    Path dataDir;

    private StackPair stacks;
    private SmscPeer smsc;
    private HlrPeer hlr;
    private MscPeer msc;

    @BeforeEach
    void startStacks() throws Exception {
        stacks = StackPair.assemble(dataDir, Transport.TCP);
        smsc = new SmscPeer(stacks.gateway);
        hlr = new HlrPeer(stacks.network)
                .provision(MSISDN, new HlrPeer.Subscription(IMSI, StackPair.MSC_GT))
                .provision("491510000000", new HlrPeer.Subscription("262010000000000", null));
        msc = new MscPeer(stacks.network);
        UnansweredDialogGuard.attach(stacks.network);
        stacks.connect(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @AfterEach
    void stopStacks() {
        if (stacks != null) {
            stacks.close();
        }
    }

    @Test
    void sriSmThenMtForwardSmDeliversTheTriggerTpdu() throws Exception {
        RoutingInfo routing = smsc.sendRoutingInfoForSm(MSISDN, StackPair.HLR_GT).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(new RoutingInfo(IMSI, StackPair.MSC_GT), routing);

        byte[] payload = {0x01, 0x02, (byte) 0xFE, 'G', 'P', 'I'};
        SmsDeliver trigger = new SmsDeliver(false, false, false, false, SmsAddress.international("4930123456"),
                0x48, 0x04, new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(TRIGGER_PORT, 0)), payload));
        smsc.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), TpduCodec.encode(trigger), false)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        List<SmsDeliver> received = msc.deliveredTo(IMSI);
        assertEquals(1, received.size());
        SmsDeliver got = received.get(0);
        assertEquals(0x48, got.protocolIdentifier());
        assertEquals(new ApplicationPort(TRIGGER_PORT, 0, true),
                got.userData().header().applicationPort().orElseThrow());
        assertArrayEquals(payload, got.userData().body());
        assertEquals(trigger, got);
    }

    /** The largest SMS-DELIVER (140 octets of TP-UD) still reaches the MSC. */
    @Test
    void maximumLengthTriggerIsDelivered() throws Exception {
        byte[] payload = new byte[UserData.MAX_OCTETS - 7];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
        SmsDeliver trigger = new SmsDeliver(false, false, false, false, SmsAddress.international("4930123456"),
                0x48, 0x04, new ServiceCentreTimeStamp(26, 11, 22, 13, 41, 36, 4),
                UserData.eightBit(UserDataHeader.of(InformationElement.applicationPort16(TRIGGER_PORT, 0)), payload));
        smsc.mtForwardSm(IMSI, StackPair.MSC_GT, TpduCodec.encode(trigger), false).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of(trigger), msc.deliveredTo(IMSI));
    }

    @Test
    void unknownSubscriberReachesTheSenderAsMapError() {
        MapFailure failure = failureOf(smsc.sendRoutingInfoForSm("491519999999", StackPair.HLR_GT));
        assertEquals(MapOutcome.Kind.MAP_ERROR, failure.kind());
        assertEquals(MAPErrorCode.unknownSubscriber, failure.errorCode().orElseThrow());
    }

    @Test
    void absentSubscriberReachesTheSenderAsMapError() {
        MapFailure failure = failureOf(smsc.sendRoutingInfoForSm("491510000000", StackPair.HLR_GT));
        assertEquals(MAPErrorCode.absentSubscriberSM, failure.errorCode().orElseThrow());
    }

    @Test
    void malformedTpduIsAnsweredWithSmDeliveryFailure() {
        byte[] truncated = {0x44, 0x09, (byte) 0x91, 0x21};
        MapFailure failure = failureOf(smsc.mtForwardSm(IMSI, StackPair.MSC_GT, truncated, false));
        assertEquals(MAPErrorCode.smDeliveryFailure, failure.errorCode().orElseThrow());
        assertTrue(msc.deliveredTo(IMSI).isEmpty());
    }

    /**
     * Nobody serves MO-ForwardSM on the network side: the guard aborts the dialog at once, so the sender
     * learns it well before its 30 s invoke timeout and no TCAP dialog waits for the idle timer.
     */
    @Test
    void unansweredOperationIsAbortedAtOnce() throws Exception {
        MAPProvider provider = stacks.gateway.mapProvider();
        MAPParameterFactory f = provider.getMAPParameterFactory();
        CompletableFuture<String> outcome = new CompletableFuture<>();
        SmsListenerAdapter watcher = new SmsListenerAdapter() {
            @Override
            public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer ext) {
                outcome.complete("user abort, user specific: " + choice.isUserSpecificReason());
            }

            @Override
            public void onDialogRelease(MAPDialog dialog) {
                outcome.complete("released without abort");
            }
        };
        provider.addMAPDialogListener(watcher);
        MAPDialogSms dialog = provider.getMAPServiceSms().createNewDialog(
                MAPApplicationContext.getInstance(MAPApplicationContextName.shortMsgMORelayContext,
                        MAPApplicationContextVersion.version3),
                stacks.gateway.localAddress(Ss7StackConfig.SSN_MSC), null,
                GlobalTitles.routeOnGt(StackPair.HLR_GT, Ss7StackConfig.SSN_MSC), null);
        AddressString sc = f.createAddressString(AddressNature.international_number, NumberingPlan.ISDN, "4917000000001");
        dialog.addMoForwardShortMessageRequest(f.createSM_RP_DA(sc),
                f.createSM_RP_OA_Msisdn(f.createISDNAddressString(AddressNature.international_number,
                        NumberingPlan.ISDN, MSISDN)),
                f.createSmsSignalInfo(new byte[] {0x01, 0x00, 0x00}, null), null, null);
        dialog.send();
        assertEquals("user abort, user specific: true", outcome.get(WAIT_SECONDS, TimeUnit.SECONDS));
    }

    private static MapFailure failureOf(CompletableFuture<?> future) {
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> future.get(WAIT_SECONDS, TimeUnit.SECONDS));
        return assertInstanceOf(MapFailure.class, e.getCause());
    }
}
