package org.mtcgate.map.dialog;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.asn.AsnInputStream;
import org.mobicents.protocols.asn.AsnOutputStream;
import org.mobicents.protocols.ss7.map.MAPProviderImpl;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPServiceBase;
import org.mobicents.protocols.ss7.map.api.dialog.ServingCheckResult;
import org.mobicents.protocols.ss7.map.api.MAPDialogueAS;
import org.mobicents.protocols.ss7.map.api.dialog.MAPDialogState;
import org.mobicents.protocols.ss7.map.api.dialog.MAPProviderAbortReason;
import org.mobicents.protocols.ss7.map.dialog.MAPProviderAbortInfoImpl;
import org.mobicents.protocols.ss7.sccp.SccpListener;
import org.mobicents.protocols.ss7.sccp.SccpProvider;
import org.mobicents.protocols.ss7.sccp.message.SccpDataMessage;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.TCAPProviderImpl;
import org.mobicents.protocols.ss7.tcap.api.TCListener;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.Dialog;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.TRPseudoState;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCBeginIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCContinueIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCEndIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCNoticeIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCPAbortIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCUniIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCUserAbortIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCUserAbortRequest;
import org.mobicents.protocols.ss7.tcap.asn.ParseException;
import org.mobicents.protocols.ss7.tcap.asn.TcapFactory;
import org.mobicents.protocols.ss7.tcap.asn.comp.PAbortCauseType;
import org.mobicents.protocols.ss7.tcap.asn.UserInformation;
import org.mobicents.protocols.ss7.tcap.asn.Utils;
import org.mobicents.protocols.ss7.tcap.asn.comp.Invoke;

/**
 * The door every received TCAP message passes before MAP sees it: it sits between SCCP and TCAP (to learn the
 * point code, i.e. the adjacent peer, a message arrived from) and between TCAP and MAP (to judge a TC-BEGIN whole).
 *
 * <ul>
 *   <li>A TC-BEGIN from a peer that already holds {@link DialogLimits#maxIncomingPerPeer()} open incoming dialogs,
 *       or when the node holds {@link DialogLimits#maxIncoming()}, gets a TC P-ABORT (resourceLimitation, Q.773)
 *       before TCAP makes a dialog for it.</li>
 *   <li>A TC-BEGIN that {@link BeginScreen} refuses (several components, none, one that does not fit its context
 *       or does not decode) gets a U-ABORT with MAP-ProviderAbortInfo at once: no handler sees any part of it.</li>
 *   <li>A TC-BEGIN the stack failed on, or that no handler took on, does not wait for the TCAP idle timer: it is
 *       aborted at once when MAP made no dialog of it, else {@link DialogLimits#unansweredAfterMillis()} later.</li>
 *   <li>A TC-CONTINUE for a transaction nobody here knows is reported (TCAP answers it with a P-ABORT).</li>
 * </ul>
 * Every refusal is counted, logged rate-limited ({@link RateLimitedLog}) and reported to the
 * {@link RefusalListener}s. Runs on jSS7's M3UA delivery threads and never blocks there.
 */
public final class IncomingDialogGate implements TCListener, AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(IncomingDialogGate.class);
    private static final int TC_BEGIN = 0x62;
    private static final int TC_CONTINUE = 0x65;
    private static final int OTID = 0x48;
    private static final int DTID = 0x49;
    /** Q.773 P-AbortCause resourceLimitation. */
    private static final byte P_ABORT_RESOURCE_LIMITATION = 4;

    private final TCAPProviderImpl tcap;
    private final MAPProviderImpl map;
    private final DialogCaps caps;
    private final Map<Integer, String> peersByPointCode;
    private final BeginScreen screen = new BeginScreen();
    private final RateLimitedLog quiet = new RateLimitedLog(LOG, 10, TimeUnit.SECONDS);
    private final ProtocolErrorCounts counts = new ProtocolErrorCounts();
    private final List<RefusalListener> listeners = new CopyOnWriteArrayList<>();
    /** The OPC of the message this delivery thread is handing to TCAP now (SCCP delivers synchronously). */
    private final ThreadLocal<int[]> arriving = ThreadLocal.withInitial(() -> new int[] {-1});
    /** Open incoming dialogs (TCAP dialog id) and the peer each is counted against. */
    private final ConcurrentHashMap<Long, String> open = new ConcurrentHashMap<>();
    private final ScheduledThreadPoolExecutor timer;
    private final Front front;

    private IncomingDialogGate(TCAPProviderImpl tcap, MAPProviderImpl map, DialogLimits limits,
                               Map<Integer, String> peersByPointCode, String name) {
        this.tcap = tcap;
        this.front = new Front();
        this.map = map;
        this.caps = new DialogCaps(limits);
        this.peersByPointCode = Map.copyOf(peersByPointCode);
        this.timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, name + "-dialog-gate");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
    }

    /**
     * Puts a gate in front of {@code map} on a started stack: it replaces MAP as TCAP's listener and TCAP as the
     * SCCP listener of each of {@code ssns}. Call before any traffic (before the ASPs start).
     *
     * @param peersByPointCode the adjacent peers' names by point code
     */
    public static IncomingDialogGate install(TCAPProviderImpl tcap, MAPProviderImpl map, SccpProvider sccp,
                                             List<Integer> ssns, DialogLimits limits,
                                             Map<Integer, String> peersByPointCode, String name) {
        IncomingDialogGate gate = new IncomingDialogGate(tcap, map, limits, peersByPointCode, name);
        tcap.removeTCListener(map);
        tcap.addTCListener(gate);
        for (int ssn : ssns) {
            sccp.deregisterSccpListener(ssn);
            sccp.registerSccpListener(ssn, gate.front);
        }
        return gate;
    }

    public void addRefusalListener(RefusalListener listener) {
        listeners.add(listener);
    }

    public void removeRefusalListener(RefusalListener listener) {
        listeners.remove(listener);
    }

    /** Incoming dialogs open now, in all and from one peer. */
    public int openIncoming() {
        return caps.open();
    }

    public int openIncoming(String peer) {
        return caps.open(peer);
    }

    public DialogLimits limits() {
        return caps.limits();
    }

    /** Refusals made here so far, by kind. */
    public Map<ProtocolError, Long> refusals() {
        return counts.snapshot();
    }

    /** Writes the counts of refusals not yet summarised in the log. */
    public void flushLog() {
        quiet.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        quiet.flush();
    }

    private String peerOf(int opc) {
        String peer = peersByPointCode.get(opc);
        return peer != null ? peer : "opc-" + opc;
    }

    // ---- between SCCP and TCAP ----

    /** TCAP's SCCP listener, with the caps in front of it. */
    private final class Front extends ForwardingSccpListener {
        private static final long serialVersionUID = 1L;

        Front() {
            super(tcap);
        }

        @Override
        public void onMessage(SccpDataMessage message) {
            byte[] data = message.getData();
            int type = data == null || data.length == 0 ? -1 : data[0] & 0xFF;
            int opc = message.getIncomingOpc();
            if (type == TC_BEGIN) {
                ProtocolError full = caps.admit(peerOf(opc));
                if (full != null) {
                    refuseForResources(message, data, full);
                    return;
                }
                String malformed = parseFailure(data);
                if (malformed != null) {
                    refuseMalformed(message, data, malformed);
                    return;
                }
            } else if (type == TC_CONTINUE) {
                noteUnknownTransaction(message, data);
            }
            int[] slot = arriving.get();
            int before = slot[0];
            slot[0] = opc;
            try {
                tcap.onMessage(message);
            } catch (RuntimeException e) {
                quiet.warn("tcap-failure", "TCAP failed on a message from " + peerOf(opc), e);
            } finally {
                slot[0] = before;
            }
        }
    }

    /** P-ABORT resourceLimitation to the TC-BEGIN's originating transaction; no TCAP dialog is made. */
    private void refuseForResources(SccpDataMessage message, byte[] data, ProtocolError why) {
        String peer = peerOf(message.getIncomingOpc());
        byte[] otid = RawTcap.element(data, OTID);
        boolean answerable = otid != null && otid.length >= 1 && otid.length <= 4;
        report(why, peer, message.getCallingPartyAddress(), -1, null,
                answerable ? "P-ABORT resourceLimitation" : "none (no originating transaction id)",
                why == ProtocolError.DIALOG_LIMIT_PEER
                        ? peer + " holds " + caps.open(peer) + " open incoming dialogs (limit "
                        + caps.limits().maxIncomingPerPeer() + ")"
                        : "the node holds " + caps.open() + " open incoming dialogs (limit "
                        + caps.limits().maxIncoming() + ")");
        if (answerable) {
            pAbort(message, otid, P_ABORT_RESOURCE_LIMITATION, peer);
        }
    }

    /** Counted and reported first (see {@link #report}), so whoever sees the answer also sees its record. */
    private void pAbort(SccpDataMessage message, byte[] otid, byte cause, String peer) {
        SccpAddress local = message.getCalledPartyAddress();
        try {
            tcap.send(RawTcap.pAbort(otid, cause), false, message.getCallingPartyAddress(), local, message.getSls(),
                    message.getNetworkId(), local.getSubsystemNumber());
        } catch (Exception e) {
            quiet.warn("p-abort-failed", "could not send a P-ABORT to " + peer, e);
        }
    }

    /**
     * Why TCAP would fail to parse this TC-BEGIN, or null when it parses. Parsed here, with TCAP's own decoder,
     * so that garbage is refused (and counted) without jSS7 logging a stack trace per message on the delivery
     * thread; TCAP parses the good ones again.
     */
    private static String parseFailure(byte[] data) {
        if (!RawTcap.codesWellFormed(data)) {
            return PAbortCauseType.BadlyFormattedTxPortion.getType() + " an operation or error code is not a valid"
                    + " INTEGER or OBJECT IDENTIFIER";
        }
        try {
            AsnInputStream ais = new AsnInputStream(data);
            ais.readTag();
            TcapFactory.createTCBeginMessage(ais);
            return null;
        } catch (ParseException e) {
            PAbortCauseType cause = e.getPAbortCauseType();
            return (cause == null ? PAbortCauseType.BadlyFormattedTxPortion : cause).getType() + " " + e.getMessage();
        } catch (Exception | StackOverflowError e) {
            return PAbortCauseType.BadlyFormattedTxPortion.getType() + " " + e;
        }
    }

    /** P-ABORT with the cause TCAP would give (Q.773 3.2.2), to the originating transaction if there is one. */
    private void refuseMalformed(SccpDataMessage message, byte[] data, String failure) {
        int space = failure.indexOf(' ');
        int cause = Integer.parseInt(failure.substring(0, space));
        String peer = peerOf(message.getIncomingOpc());
        byte[] otid = RawTcap.element(data, OTID);
        boolean answerable = otid != null && otid.length >= 1 && otid.length <= 4 && cause < 128;
        report(ProtocolError.MALFORMED_TCAP, peer, message.getCallingPartyAddress(), -1, null,
                answerable ? "P-ABORT " + causeOf(cause) : "none (no usable originating transaction id)",
                "TC-BEGIN does not parse: " + failure.substring(space + 1));
        if (answerable) {
            pAbort(message, otid, (byte) cause, peer);
        }
    }

    private static PAbortCauseType causeOf(int code) {
        for (PAbortCauseType t : PAbortCauseType.values()) {
            if (t.getType() == code) {
                return t;
            }
        }
        return PAbortCauseType.BadlyFormattedTxPortion;
    }

    private void noteUnknownTransaction(SccpDataMessage message, byte[] data) {
        byte[] dtid = RawTcap.element(data, DTID);
        if (dtid == null || dtid.length != 4) {
            return; // TCAP answers a badly formatted transaction portion itself
        }
        long id = Utils.decodeTransactionId(dtid);
        if (map.getMAPDialog(id) == null) {
            report(ProtocolError.UNKNOWN_TRANSACTION, peerOf(message.getIncomingOpc()),
                    message.getCallingPartyAddress(), -1, null, "P-ABORT unrecognizedTransactionID (by TCAP)",
                    "TC-CONTINUE for transaction " + id + ", which is not open here");
        }
    }

    // ---- between TCAP and MAP ----

    @Override
    public void onTCBegin(TCBeginIndication begin) {
        Dialog dialog = begin.getDialog();
        String peer = peerOf(arriving.get()[0]);
        BeginScreen.Verdict verdict;
        try {
            verdict = screen.check(begin);
        } catch (RuntimeException e) {
            verdict = new BeginScreen.Verdict(ProtocolError.UNDECODABLE_COMPONENT,
                    MAPProviderAbortReason.abnormalDialogue, "screening failed: " + e);
        }
        if (verdict != null) {
            boolean withContext = begin.getApplicationContextName() != null;
            report(verdict.error(), peer, begin.getOriginatingAddress(), BeginScreen.operation(begin),
                    BeginScreen.context(begin), abortName(withContext, verdict.abortReason()), verdict.reason());
            abort(dialog, withContext, verdict.abortReason());
            return;
        }
        String unserved = unservedContext(begin);
        if (unserved != null) {
            // MAP answers it itself (TC-U-ABORT, application-context-name-not-supported); the refusal is ours to report
            report(ProtocolError.WRONG_APPLICATION_CONTEXT, peer, begin.getOriginatingAddress(),
                    BeginScreen.operation(begin), BeginScreen.context(begin),
                    "TC-U-ABORT application-context-name-not-supported", unserved);
        }
        Long id = dialog.getLocalDialogId();
        caps.opened(peer);
        open.put(id, peer);
        try {
            map.onTCBegin(begin);
        } catch (RuntimeException e) {
            quiet.warn("map-failure", "MAP failed on a TC-BEGIN from " + peer, e);
        }
        if (dialog.getState() == TRPseudoState.Expunged) {
            return;
        }
        MAPDialog mapDialog = map.getMAPDialog(id);
        if (mapDialog == null) {
            unanswered(dialog, begin, peer, "the stack made no MAP dialog of it");
        } else if (mapDialog.getUserObject() == null && mapDialog.getState() == MAPDialogState.INITIAL_RECEIVED) {
            timer.schedule(() -> {
                if (dialog.getState() == TRPseudoState.InitialReceived && mapDialog.getUserObject() == null) {
                    unanswered(dialog, begin, peer, "nobody took it on within "
                            + caps.limits().unansweredAfterMillis() + " ms");
                }
            }, caps.limits().unansweredAfterMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Why MAP will refuse this dialog's context itself (no activated MAP service serves it), or null. */
    private String unservedContext(TCBeginIndication begin) {
        if (begin.getApplicationContextName() == null || begin.getApplicationContextName().getOid() == null) {
            return null; // MAP v1: the context follows from the operation
        }
        MAPApplicationContext context = MAPApplicationContext.getInstance(begin.getApplicationContextName().getOid());
        if (context == null) {
            return "unknown application context " + BeginScreen.context(begin);
        }
        for (MAPServiceBase service : List.of(map.getMAPServiceSms(), map.getMAPServiceMobility(),
                map.getMAPServiceCallHandling(), map.getMAPServiceOam(), map.getMAPServicePdpContextActivation(),
                map.getMAPServiceSupplementary(), map.getMAPServiceLsm())) {
            if (service.isActivated()
                    && service.isServingService(context).getResult() == ServingCheckResult.AC_Serving) {
                return null;
            }
        }
        return BeginScreen.context(begin) + " is not served here";
    }

    private void unanswered(Dialog dialog, TCBeginIndication begin, String peer, String reason) {
        boolean withContext = begin.getApplicationContextName() != null;
        report(ProtocolError.UNANSWERED_DIALOG, peer, begin.getOriginatingAddress(), BeginScreen.operation(begin),
                BeginScreen.context(begin), abortName(withContext, MAPProviderAbortReason.abnormalDialogue), reason);
        abort(dialog, withContext, MAPProviderAbortReason.abnormalDialogue);
    }

    /**
     * TC-U-ABORT carrying MAP-ProviderAbortInfo (TS 29.002 7.3.5), as jSS7's MAP provider sends it; a MAP v1
     * dialog (no context) gets a bare TC-U-ABORT. Released locally when even that fails.
     */
    private static String abortName(boolean withContext, MAPProviderAbortReason reason) {
        return withContext ? "U-ABORT " + reason : "U-ABORT";
    }

    private void abort(Dialog dialog, boolean withContext, MAPProviderAbortReason reason) {
        try {
            TCUserAbortRequest abort = tcap.getDialogPrimitiveFactory().createUAbort(dialog);
            if (withContext) {
                MAPProviderAbortInfoImpl info = new MAPProviderAbortInfoImpl();
                info.setMAPProviderAbortReason(reason);
                AsnOutputStream out = new AsnOutputStream();
                info.encodeAll(out);
                UserInformation ui = TcapFactory.createUserInformation();
                ui.setOid(true);
                ui.setOidValue(MAPDialogueAS.MAP_DialogueAS.getOID());
                ui.setAsn(true);
                ui.setEncodeType(out.toByteArray());
                abort.setUserInformation(ui);
            }
            dialog.send(abort);
        } catch (Exception e) {
            quiet.warn("abort-failed", "could not abort dialog " + dialog.getLocalDialogId() + "; released", e);
            dialog.release();
        }
    }

    /** Counts, logs (rate-limited) and tells the listeners; called before the answer is sent. */
    private void report(ProtocolError error, String peer, SccpAddress calling, long operation, String context,
                        String answer, String reason) {
        counts.increment(error);
        String gt = calling == null || calling.getGlobalTitle() == null ? null : calling.getGlobalTitle().getDigits();
        quiet.warn(error.counterName(), "from " + peer + (gt == null ? "" : " GT " + gt) + ": " + reason
                + " -> " + answer, null);
        Refusal refusal = new Refusal(error, peer, gt, operation, context, answer, reason);
        for (RefusalListener listener : listeners) {
            try {
                listener.refused(refusal);
            } catch (RuntimeException e) {
                quiet.warn("refusal-listener-failed", "a refusal listener failed", e);
            }
        }
    }

    @Override
    public void onDialogReleased(Dialog dialog) {
        String peer = open.remove(dialog.getLocalDialogId());
        if (peer != null) {
            caps.closed(peer);
        }
        map.onDialogReleased(dialog);
    }

    // ---- the rest goes to MAP unchanged ----

    @Override
    public void onTCUni(TCUniIndication ind) {
        map.onTCUni(ind);
    }

    @Override
    public void onTCContinue(TCContinueIndication ind) {
        map.onTCContinue(ind);
    }

    @Override
    public void onTCEnd(TCEndIndication ind) {
        map.onTCEnd(ind);
    }

    @Override
    public void onTCUserAbort(TCUserAbortIndication ind) {
        map.onTCUserAbort(ind);
    }

    @Override
    public void onTCPAbort(TCPAbortIndication ind) {
        map.onTCPAbort(ind);
    }

    @Override
    public void onTCNotice(TCNoticeIndication ind) {
        map.onTCNotice(ind);
    }

    @Override
    public void onInvokeTimeout(Invoke invoke) {
        map.onInvokeTimeout(invoke);
    }

    @Override
    public void onDialogTimeout(Dialog dialog) {
        map.onDialogTimeout(dialog);
    }
}
