package org.mtcgate.map.stack;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javolution.util.FastMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.indicator.RoutingIndicator;
import org.mobicents.protocols.ss7.sccp.NetworkIdState;
import org.mobicents.protocols.ss7.sccp.SccpListener;
import org.mtcgate.map.dialog.ForwardingSccpListener;
import org.mobicents.protocols.ss7.sccp.SccpManagementEventListener;
import org.mobicents.protocols.ss7.sccp.SccpProvider;
import org.mobicents.protocols.ss7.sccp.message.MessageFactory;
import org.mobicents.protocols.ss7.sccp.message.SccpDataMessage;
import org.mobicents.protocols.ss7.sccp.parameter.ParameterFactory;
import org.mobicents.protocols.ss7.sccp.parameter.SccpAddress;
import org.mobicents.protocols.ss7.tcap.api.TCListener;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.Dialog;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCBeginIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCContinueIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCEndIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCNoticeIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCPAbortIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCUniIndication;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCUserAbortIndication;
import org.mobicents.protocols.ss7.tcap.asn.comp.Invoke;
import org.mobicents.ss7.congestion.ExecutorCongestionMonitor;

/**
 * Stands between SCCP and TCAP and lets a TC-CONTINUE, TC-END or TC-ABORT reach one of this node's dialogs only
 * when it arrived over the link of the peer that dialog is with.
 *
 * <p>Why: jSS7 finds the dialog of such a message by its destination transaction ID alone (TCAPProviderImpl
 * .onMessage), and this node's IDs are sequential. Without this check any peer that guessed the ID of a pending
 * SRI-for-SM could end it with a result naming its own MSC, or an MT-ForwardSM with a forged success.
 *
 * <p>Which link a dialog is with: a dialog a peer opened is in the SCCP network (network id) its TC-BEGIN arrived in,
 * learnt from TCAP as it opens the dialog; a dialog this node opened (network 0) is with the peer its called address
 * is routed to, decided when its TC-BEGIN is sent, by the same rules the
 * stack gives SCCP ({@link Ss7Stack}: the longest matching GT prefix, else the default peer; a called address routed
 * on point code goes to the peer owning it). What arrives names its link by its network id, which the
 * {@link OriginGuard} binds to the association. A reply from another link is dropped, counted and reported to the
 * listeners; the dialog goes on and ends with the real reply or its invoke timer. A dialog whose peer is not known
 * (nothing would route its TC-BEGIN) is not guarded. The record of a dialog is dropped when TCAP releases it.
 */
final class ReplyLinkGuard implements SccpProvider {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LogManager.getLogger(ReplyLinkGuard.class);
    private static final int TC_BEGIN = 0x62;
    private static final int TC_END = 0x64;
    private static final int TC_CONTINUE = 0x65;
    private static final int TC_ABORT = 0x67;
    private static final int OTID = 0x48;
    private static final int DTID = 0x49;

    private final transient SccpProvider sccp;
    private final transient List<RemotePeer> peers;
    private final transient RemotePeer defaultPeer;
    /** This node's transaction ID -> the network id its replies must arrive in. */
    private final transient Map<Long, Integer> expected = new ConcurrentHashMap<>();
    private final transient List<Consumer<RefusedReply>> listeners = new CopyOnWriteArrayList<>();
    private final transient AtomicLong dropped = new AtomicLong();

    ReplyLinkGuard(SccpProvider sccp, Ss7StackConfig config) {
        this.sccp = sccp;
        this.peers = config.peers();
        this.defaultPeer = peers.stream().filter(p -> p.name().equals(config.defaultPeer())).findFirst().orElse(null);
    }

    /** Replies dropped so far for arriving over the wrong link. */
    long dropped() {
        return dropped.get();
    }

    void addListener(Consumer<RefusedReply> listener) {
        listeners.add(listener);
    }

    /**
     * Register with the TCAP provider before MAP registers its own listener: learns the link of each dialog a peer
     * opens, and forgets a dialog's link when TCAP releases it.
     */
    TCListener lifecycle() {
        return new Lifecycle();
    }

    // ---- what TCAP sends ----

    @Override
    public void send(SccpDataMessage message) throws IOException {
        byte[] data = message.getData();
        int tag = data == null || data.length == 0 ? -1 : data[0] & 0xFF;
        if (tag == TC_BEGIN || tag == TC_CONTINUE) {
            long id = transactionId(data, OTID);
            if (id >= 0) {
                int network = message.getNetworkId() != 0 ? message.getNetworkId()
                        : routedNetwork(message.getCalledPartyAddress());
                if (network > 0) {
                    expected.putIfAbsent(id, network);
                }
            }
        }
        sccp.send(message);
    }

    /** The network id of the peer a message this node originates is routed to, or 0 when none is known. */
    private int routedNetwork(SccpAddress called) {
        if (called == null) {
            return 0;
        }
        if (called.getAddressIndicator().getRoutingIndicator() == RoutingIndicator.ROUTING_BASED_ON_DPC_AND_SSN) {
            for (int i = 0; i < peers.size(); i++) {
                if (peers.get(i).pointCode() == called.getSignalingPointCode()) {
                    return Ss7Links.networkIdOf(i);
                }
            }
            return 0;
        }
        String digits = called.getGlobalTitle() == null ? null : called.getGlobalTitle().getDigits();
        int best = -1;
        int bestLength = -1;
        for (int i = 0; digits != null && i < peers.size(); i++) {
            for (String prefix : peers.get(i).gtPrefixes()) {
                if (digits.startsWith(prefix) && prefix.length() > bestLength) {
                    best = i;
                    bestLength = prefix.length();
                }
            }
        }
        if (best < 0 && defaultPeer != null) {
            best = peers.indexOf(defaultPeer);
        }
        return best < 0 ? 0 : Ss7Links.networkIdOf(best);
    }

    // ---- what SCCP delivers ----

    private void onMessage(SccpListener tcap, SccpDataMessage message) {
        byte[] data = message.getData();
        int tag = data == null || data.length == 0 ? -1 : data[0] & 0xFF;
        if (tag == TC_CONTINUE || tag == TC_END || tag == TC_ABORT) {
            long id = transactionId(data, DTID);
            Integer network = id < 0 ? null : expected.get(id);
            if (network != null && network != message.getNetworkId()) {
                refuse(tag, id, message.getNetworkId(), network);
                return;
            }
        }
        tcap.onMessage(message);
    }

    private void refuse(int tag, long id, int arrivedIn, int expectedNetwork) {
        RefusedReply refused = new RefusedReply(tag == TC_CONTINUE ? "TC-CONTINUE" : tag == TC_END ? "TC-END"
                : "TC-ABORT", id, peerName(arrivedIn), peerName(expectedNetwork));
        long n = dropped.incrementAndGet();
        if (Long.bitCount(n) == 1) { // 1, 2, 4, 8, ...: a flood cannot flood the log
            LOG.warn("dropped: {} ({} replies from a wrong link so far)", refused.describe(), n);
        }
        for (Consumer<RefusedReply> listener : listeners) {
            try {
                listener.accept(refused);
            } catch (RuntimeException e) {
                LOG.warn("a refused-reply listener failed", e);
            }
        }
    }

    private String peerName(int network) {
        int index = network - Ss7Links.networkIdOf(0);
        return index >= 0 && index < peers.size() ? peers.get(index).name() : "network " + network;
    }

    /**
     * The transaction ID under {@code idTag} among the first two elements of a TC message (TC-CONTINUE carries
     * OTID then DTID; the others one of them first), or -1 when there is none or the encoding is not readable.
     * jSS7 reads it the same way: big-endian, unsigned.
     */
    static long transactionId(byte[] m, int idTag) {
        int[] at = {1};
        if (length(m, at) < -1) {
            return -1;
        }
        for (int element = 0; element < 2 && at[0] < m.length; element++) {
            int tag = m[at[0]++] & 0xFF;
            int len = length(m, at);
            if (len < 0 || at[0] + len > m.length) {
                return -1;
            }
            if (tag == idTag) {
                if (len < 1 || len > 4) {
                    return -1;
                }
                long id = 0;
                for (int i = 0; i < len; i++) {
                    id = (id << 8) | (m[at[0] + i] & 0xFF);
                }
                return id;
            }
            at[0] += len;
        }
        return -1;
    }

    /** A BER length at {@code at[0]}, advancing past it: the length, -1 for indefinite, -2 when unreadable. */
    private static int length(byte[] m, int[] at) {
        if (at[0] >= m.length) {
            return -2;
        }
        int first = m[at[0]++] & 0xFF;
        if (first < 0x80) {
            return first;
        }
        if (first == 0x80) {
            return -1;
        }
        int n = first & 0x7F;
        if (n > 3 || at[0] + n > m.length) {
            return -2;
        }
        int len = 0;
        for (int i = 0; i < n; i++) {
            len = (len << 8) | (m[at[0]++] & 0xFF);
        }
        return len;
    }

    // ---- everything else is SCCP's ----

    @Override
    public void registerSccpListener(int ssn, SccpListener listener) {
        sccp.registerSccpListener(ssn, new Guarded(listener));
    }

    @Override
    public void deregisterSccpListener(int ssn) {
        sccp.deregisterSccpListener(ssn);
    }

    @Override
    public MessageFactory getMessageFactory() {
        return sccp.getMessageFactory();
    }

    @Override
    public ParameterFactory getParameterFactory() {
        return sccp.getParameterFactory();
    }

    @Override
    public void registerManagementEventListener(SccpManagementEventListener listener) {
        sccp.registerManagementEventListener(listener);
    }

    @Override
    public void deregisterManagementEventListener(SccpManagementEventListener listener) {
        sccp.deregisterManagementEventListener(listener);
    }

    @Override
    public int getMaxUserDataLength(SccpAddress calledPartyAddress, SccpAddress callingPartyAddress, int msgNetworkId) {
        return sccp.getMaxUserDataLength(calledPartyAddress, callingPartyAddress, msgNetworkId);
    }

    @Override
    public void coordRequest(int ssn) {
        sccp.coordRequest(ssn);
    }

    @Override
    public FastMap<Integer, NetworkIdState> getNetworkIdStateList() {
        return sccp.getNetworkIdStateList();
    }

    @Override
    public ExecutorCongestionMonitor[] getExecutorCongestionMonitorList() {
        return sccp.getExecutorCongestionMonitorList();
    }

    /** TCAP's SCCP listener, with the link check in front of its messages. */
    private final class Guarded extends ForwardingSccpListener {
        private static final long serialVersionUID = 1L;

        Guarded(SccpListener tcap) {
            super(tcap);
        }

        @Override
        public void onMessage(SccpDataMessage message) {
            ReplyLinkGuard.this.onMessage(next, message);
        }
    }

    /**
     * Learns the link of a dialog a peer opens (before MAP sees it: registered ahead of MAP's listener) and forgets a
     * dialog's link when TCAP releases it; every other TCAP event is MAP's.
     */
    private final class Lifecycle implements TCListener {
        @Override
        public void onDialogReleased(Dialog d) {
            Long id = d.getLocalDialogId();
            if (id != null) {
                expected.remove(id);
            }
        }

        @Override
        public void onTCUni(TCUniIndication ind) {
        }

        /** A dialog a peer opened belongs to the network (link) its TC-BEGIN came in. */
        @Override
        public void onTCBegin(TCBeginIndication ind) {
            Dialog d = ind.getDialog();
            if (d != null && d.getLocalDialogId() != null && d.getNetworkId() > 0) {
                expected.putIfAbsent(d.getLocalDialogId(), d.getNetworkId());
            }
        }

        @Override
        public void onTCContinue(TCContinueIndication ind) {
        }

        @Override
        public void onTCEnd(TCEndIndication ind) {
        }

        @Override
        public void onTCUserAbort(TCUserAbortIndication ind) {
        }

        @Override
        public void onTCPAbort(TCPAbortIndication ind) {
        }

        @Override
        public void onTCNotice(TCNoticeIndication ind) {
        }

        @Override
        public void onInvokeTimeout(Invoke tcInvokeRequest) {
        }

        @Override
        public void onDialogTimeout(Dialog d) {
        }
    }
}
