package org.mtcgate.lab.mme;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.diameter.s6m.Answers;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.diameter.sgd.MtForwardShortMessageRequest;
import org.mtcgate.diameter.sgd.SmDeliveryFailureCause;
import org.mtcgate.diameter.sgd.TfaAnswers;
import org.mtcgate.filter.Imsi;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * An MME on SGd for labs and tests (TS 29.338): answers MT-Forward-Short-Message requests. A UE it serves gets the
 * SM (2001) unless its memory was made full (SM delivery failure, memory capacity exceeded); a UE listed as absent
 * gets DIAMETER_ERROR_ABSENT_USER (diagnostic 1: IMSI detached); any other is DIAMETER_ERROR_USER_UNKNOWN. Every
 * SM-RP-UI a UE got is kept in order, so a test can reassemble the segments of a concatenated SM; every TFR is
 * reported as one line.
 */
public final class SimulatedMme implements DiameterRequestHandler {
    /** Absent-User-Diagnostic-SM for an absent UE: IMSI detached (TS 23.040 absent diagnostics). */
    static final long IMSI_DETACHED = 1;

    private final Set<Imsi> attached;
    private final Set<Imsi> absent = ConcurrentHashMap.newKeySet();
    private final Set<Imsi> memoryFull = ConcurrentHashMap.newKeySet();
    private final Map<Imsi, List<byte[]>> delivered = new ConcurrentHashMap<>();
    private final Consumer<String> lines;
    private final boolean keep;

    /**
     * @param attached UEs this MME serves
     * @param absent   UEs that are absent (checked first)
     * @param lines    where one line per TFR goes
     */
    public SimulatedMme(Set<Imsi> attached, Set<Imsi> absent, Consumer<String> lines) {
        this(attached, absent, lines, true);
    }

    /** As above; {@code keep} false keeps nothing of what was delivered (load runs: memory would grow). */
    public SimulatedMme(Set<Imsi> attached, Set<Imsi> absent, Consumer<String> lines, boolean keep) {
        this.keep = keep;
        this.attached = Set.copyOf(attached);
        this.absent.addAll(absent);
        this.lines = lines;
    }

    /** Makes a UE absent (TFRs then get DIAMETER_ERROR_ABSENT_USER) or, when it is attached, reachable again. */
    public void absent(Imsi imsi, boolean isAbsent) {
        if (isAbsent) {
            absent.add(imsi);
        } else {
            absent.remove(imsi);
        }
    }

    /** Makes the memory of an attached UE full (TFRs then fail with memory capacity exceeded) or free again. */
    public void memoryFull(Imsi imsi, boolean full) {
        if (full) {
            memoryFull.add(imsi);
        } else {
            memoryFull.remove(imsi);
        }
    }

    /** The SM-RP-UI of every TFR this UE got (answered 2001), in arrival order. */
    public List<byte[]> delivered(Imsi imsi) {
        List<byte[]> got = delivered.get(imsi);
        if (got == null) {
            return List.of();
        }
        synchronized (got) {
            return got.stream().map(byte[]::clone).toList();
        }
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        if (request.commandCode() != CommandCodes.MT_FORWARD_SHORT_MESSAGE) {
            return CompletableFuture.completedFuture(Answers.commandUnsupported(request, context,
                    "this MME answers MT-Forward-Short-Message only"));
        }
        MtForwardShortMessageRequest tfr;
        try {
            tfr = MtForwardShortMessageRequest.decode(request);
        } catch (DiameterRefusalException e) {
            lines.accept("MME: TFR from " + context.peerHost() + " refused: " + e.refusal().message());
            return CompletableFuture.completedFuture(Answers.refusal(request, context, e.refusal()));
        }
        Imsi imsi = tfr.imsi();
        DiameterMessage answer;
        String outcome;
        if (absent.contains(imsi)) {
            answer = TfaAnswers.absent(request, context, IMSI_DETACHED);
            outcome = "absent";
        } else if (!attached.contains(imsi)) {
            answer = TfaAnswers.userUnknown(request, context);
            outcome = "unknown user";
        } else if (memoryFull.contains(imsi)) {
            answer = TfaAnswers.deliveryFailure(request, context, SmDeliveryFailureCause.MEMORY_CAPACITY_EXCEEDED);
            outcome = "memory capacity exceeded";
        } else {
            if (keep) {
                List<byte[]> got = delivered.computeIfAbsent(imsi, k -> new ArrayList<>());
                synchronized (got) {
                    got.add(tfr.tpdu());
                }
            }
            answer = TfaAnswers.delivered(request, context);
            outcome = "delivered";
        }
        if (!keep) {
            return CompletableFuture.completedFuture(answer);
        }
        if (!keep) {
            return CompletableFuture.completedFuture(answer);
        }
        lines.accept("MME: TFR from " + context.peerHost() + " SC " + tfr.scAddress() + " IMSI " + imsi.digits()
                + (tfr.moreMessages() ? " (more to send)" : "") + " SM-RP-UI " + HexFormat.of().formatHex(tfr.tpdu())
                + ": " + outcome);
        return CompletableFuture.completedFuture(answer);
    }
}
