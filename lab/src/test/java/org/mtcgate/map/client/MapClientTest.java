package org.mtcgate.map.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPParameterFactory;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.Reason;
import org.mobicents.protocols.ss7.map.api.errors.AbsentSubscriberDiagnosticSM;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mobicents.protocols.ss7.map.api.primitives.AddressNature;
import org.mobicents.protocols.ss7.map.api.primitives.AddressString;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.map.api.primitives.NumberingPlan;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPDialogSms;
import org.mobicents.protocols.ss7.map.api.service.sms.MtForwardShortMessageRequest;
import org.mobicents.protocols.ss7.map.api.service.sms.SmsSignalInfo;
import org.mobicents.protocols.ss7.tcap.asn.TcapFactory;
import org.mobicents.protocols.ss7.tcap.asn.comp.InvokeProblemType;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;
import org.mobicents.protocols.ss7.tcap.asn.comp.ProblemType;
import org.mtcgate.map.dialog.Dialogs;
import org.mtcgate.map.dialog.SmsListenerAdapter;
import org.mtcgate.lab.map.StackPair;
import org.mtcgate.map.stack.GlobalTitles;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.stack.Transport;

/**
 * The engine's outcomes against a real peer stack over M3UA/TCP on loopback: the peer answers each MT-ForwardSM as
 * its IMSI says (result, MAP error, reject, user abort, or no answer at all), and refuses every dialog in the
 * gateway context.
 */
class MapClientTest {
    private static final long WAIT = 15;
    private static final String DELIVERED = "262010000000001";
    private static final String ABSENT = "262010000000002";
    private static final String SILENT = "262010000000003";
    private static final String ABORTED = "262010000000004";
    private static final String REJECTED = "262010000000005";

    @TempDir
    Path dataDir;

    private StackPair stacks;
    private Peer peer;

    @AfterEach
    void stop() {
        if (stacks != null) {
            stacks.close();
        }
    }

    private MapClient connect(StackPair pair, long invokeTimeoutMillis, int maxInFlight) throws Exception {
        stacks = pair;
        peer = new Peer(stacks.network.mapProvider());
        MapClient client = MapClient.attach(stacks.gateway.mapProvider(), invokeTimeoutMillis, maxInFlight);
        stacks.connect(WAIT, TimeUnit.SECONDS);
        return client;
    }

    private MapClient connect(long invokeTimeoutMillis, int maxInFlight) throws Exception {
        return connect(StackPair.assemble(dataDir, Transport.TCP), invokeTimeoutMillis, maxInFlight);
    }

    private CompletableFuture<MapOutcome<SmsSignalInfo>> mtForwardSm(MapClient client, String imsi) {
        MAPParameterFactory f = stacks.gateway.mapProvider().getMAPParameterFactory();
        AddressString sc = f.createAddressString(AddressNature.international_number, NumberingPlan.ISDN,
                StackPair.GATEWAY_GT);
        return client.begin(stacks.gateway.localAddress(Ss7StackConfig.SSN_MSC),
                GlobalTitles.routeOnGt(StackPair.MSC_GT, Ss7StackConfig.SSN_MSC),
                new ForwardSm(ForwardSm.Direction.MOBILE_TERMINATED, 3, f.createSM_RP_DA(f.createIMSI(imsi)),
                        f.createSM_RP_OA_ServiceCentreAddressOA(sc), f.createSmsSignalInfo(new byte[] {0x04, 0x00}, null),
                        false));
    }

    private static MapOutcome<?> outcomeOf(CompletableFuture<? extends MapOutcome<?>> future) throws Exception {
        return future.get(WAIT, TimeUnit.SECONDS);
    }

    @Test
    void resultCompletesWithTheAnswer() throws Exception {
        MapClient client = connect(30_000, 0);
        MapOutcome<?> outcome = outcomeOf(mtForwardSm(client, DELIVERED));
        assertInstanceOf(MapOutcome.Result.class, outcome);
        assertEquals(MapOutcome.Kind.RESULT, outcome.kind());
        assertEquals(-1, outcome.errorCode());
    }

    @Test
    void mapErrorKeepsTheWholeErrorAndItsCode() throws Exception {
        MapClient client = connect(30_000, 0);
        MapOutcome<?> outcome = outcomeOf(mtForwardSm(client, ABSENT));
        MapOutcome.Error<?> error = assertInstanceOf(MapOutcome.Error.class, outcome);
        assertEquals(MAPErrorCode.absentSubscriberSM, error.errorCode());
        assertEquals(MAPErrorCode.absentSubscriberSM, (long) error.error().getErrorCode());
        assertEquals("MAP error 6 absentSubscriberSM", outcome.describe());
        MapFailure failure = assertThrows(MapFailure.class, outcome::orThrow);
        assertEquals(MAPErrorCode.absentSubscriberSM, failure.errorCode().orElseThrow());
    }

    /**
     * No answer: the invoke timer ends it, and the dialog is aborted (locally: TCAP has no peer transaction to
     * abort before a first answer) instead of holding a TCAP dialog until the 60 s idle timer.
     */
    @Test
    void invokeTimeoutEndsItAndAbortsTheDialog() throws Exception {
        MapClient client = connect(500, 0);
        LinkedBlockingQueue<MAPDialog> released = new LinkedBlockingQueue<>();
        stacks.gateway.mapProvider().addMAPDialogListener(new SmsListenerAdapter() {
            @Override
            public void onDialogRelease(MAPDialog dialog) {
                released.add(dialog);
            }
        });
        MapOutcome<?> outcome = outcomeOf(mtForwardSm(client, SILENT));
        assertEquals(MapOutcome.Kind.INVOKE_TIMEOUT, outcome.kind(), outcome.describe());
        assertInstanceOf(ForwardSm.class, released.poll(5, TimeUnit.SECONDS).getUserObject(),
                "the dialog was released at once");
    }

    @Test
    void userAbortOfThePeer() throws Exception {
        MapClient client = connect(30_000, 0);
        assertEquals(MapOutcome.Kind.USER_ABORT, outcomeOf(mtForwardSm(client, ABORTED)).kind());
    }

    @Test
    void rejectOfThePeer() throws Exception {
        MapClient client = connect(30_000, 0);
        MapOutcome<?> outcome = outcomeOf(mtForwardSm(client, REJECTED));
        assertEquals(MapOutcome.Kind.REJECT, outcome.kind(), outcome.describe());
    }

    @Test
    void refusedDialog() throws Exception {
        MapClient client = connect(30_000, 0);
        MAPParameterFactory f = stacks.gateway.mapProvider().getMAPParameterFactory();
        CompletableFuture<MapOutcome<RoutingAnswer>> sri = client.begin(
                stacks.gateway.localAddress(Ss7StackConfig.SSN_MSC),
                GlobalTitles.routeOnGt(StackPair.HLR_GT, Ss7StackConfig.SSN_HLR),
                new SendRoutingInfoForSm(3, f.createISDNAddressString(AddressNature.international_number,
                        NumberingPlan.ISDN, "491510000001"), true, f.createAddressString(
                        AddressNature.international_number, NumberingPlan.ISDN, StackPair.GATEWAY_GT), false));
        assertEquals(MapOutcome.Kind.DIALOG_REFUSED, outcomeOf(sri).kind());
    }

    /** The dialog idle timer before the invoke timer: the dialog times out. */
    @Test
    void dialogTimeout() throws Exception {
        MapClient client = connect(StackPair.withGatewayTimeouts(dataDir, 500, 1_000), 30_000, 0);
        MapOutcome<?> outcome = outcomeOf(mtForwardSm(client, SILENT));
        assertEquals(MapOutcome.Kind.DIALOG_TIMEOUT, outcome.kind(), outcome.describe());
    }

    /** Beyond the bound nothing is sent; when an operation ends, its place is free again. */
    @Test
    void boundOfDialogsInFlight() throws Exception {
        MapClient client = connect(1_000, 1);
        CompletableFuture<MapOutcome<SmsSignalInfo>> held = mtForwardSm(client, SILENT);
        assertEquals(1, client.inFlight());
        assertEquals(SILENT, peer.requests.poll(WAIT, TimeUnit.SECONDS));
        MapOutcome<?> refused = outcomeOf(mtForwardSm(client, DELIVERED));
        assertEquals(MapOutcome.Kind.BUSY, refused.kind());
        assertNull(peer.requests.poll(), "the refused one never reached the peer");
        assertEquals(MapOutcome.Kind.INVOKE_TIMEOUT, outcomeOf(held).kind());
        assertEquals(0, client.inFlight());
        assertEquals(MapOutcome.Kind.RESULT, outcomeOf(mtForwardSm(client, DELIVERED)).kind());
        assertEquals(0, client.inFlight());
    }

    @Test
    void anOperationIsSentOnce() throws Exception {
        MapClient client = connect(30_000, 0);
        MAPParameterFactory f = stacks.gateway.mapProvider().getMAPParameterFactory();
        ForwardSm once = new ForwardSm(ForwardSm.Direction.MOBILE_TERMINATED, 3, f.createSM_RP_DA(f.createIMSI(DELIVERED)),
                f.createSM_RP_OA_ServiceCentreAddressOA(f.createAddressString(AddressNature.international_number,
                        NumberingPlan.ISDN, StackPair.GATEWAY_GT)), f.createSmsSignalInfo(new byte[] {0x04, 0x00}, null), false);
        client.begin(stacks.gateway.localAddress(Ss7StackConfig.SSN_MSC),
                GlobalTitles.routeOnGt(StackPair.MSC_GT, Ss7StackConfig.SSN_MSC), once);
        assertEquals(MapOutcome.Kind.RESULT, outcomeOf(once.outcome()).kind());
        assertThrows(IllegalStateException.class, () -> client.begin(stacks.gateway.localAddress(Ss7StackConfig.SSN_MSC),
                GlobalTitles.routeOnGt(StackPair.MSC_GT, Ss7StackConfig.SSN_MSC), once));
    }

    /** The peer: answers MT-ForwardSM by IMSI, refuses the gateway context, and records what it saw. */
    private static final class Peer extends SmsListenerAdapter {
        final LinkedBlockingQueue<String> requests = new LinkedBlockingQueue<>();
        private final MAPProvider provider;

        Peer(MAPProvider provider) {
            this.provider = provider;
            provider.addMAPDialogListener(this);
            provider.getMAPServiceSms().addMAPServiceListener(this);
        }

        @Override
        public void onDialogRequest(MAPDialog dialog, AddressString destReference, AddressString origReference,
                                    MAPExtensionContainer extension) {
            if (dialog.getApplicationContext().getApplicationContextName()
                    == MAPApplicationContextName.shortMsgGatewayContext) {
                try {
                    dialog.setUserObject(this);
                    dialog.refuse(Reason.noReasonGiven);
                } catch (MAPException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void onMtForwardShortMessageRequest(MtForwardShortMessageRequest request) {
            MAPDialogSms dialog = request.getMAPDialog();
            String imsi = request.getSM_RP_DA().getIMSI().getData();
            requests.add(imsi);
            dialog.setUserObject(this); // taken on: the stack's gate leaves it alone
            try {
                switch (imsi) {
                    case DELIVERED -> {
                        dialog.addMtForwardShortMessageResponse(request.getInvokeId(), null, null);
                        dialog.close(false);
                    }
                    case ABSENT -> {
                        dialog.sendErrorComponent(request.getInvokeId(), provider.getMAPErrorMessageFactory()
                                .createMAPErrorMessageAbsentSubscriberSM(AbsentSubscriberDiagnosticSM.IMSIDetached,
                                        null, null));
                        dialog.close(false);
                    }
                    case ABORTED -> Dialogs.abort(dialog);
                    case REJECTED -> {
                        Problem problem = TcapFactory.createProblem(ProblemType.Invoke);
                        problem.setInvokeProblemType(InvokeProblemType.MistypedParameter);
                        dialog.sendRejectComponent(request.getInvokeId(), problem);
                        dialog.close(false);
                    }
                    default -> { } // SILENT: held, never answered
                }
            } catch (MAPException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
