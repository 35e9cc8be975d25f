package org.mtcgate.map.smsc;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.NodeDelivery;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.map.client.MapOutcome;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The MAP delivery path: MT-ForwardSM (TS 29.002 12.9) to a serving MSC (SSN 8) or SGSN (SSN 149), one dialog per
 * segment of a concatenated SM, in order, each waiting for the previous one's answer. MAP errors are sorted into
 * "try again" and "give up" for the store and forward.
 *
 * <p>Version negotiation (TS 29.002 15.6): a node that refuses shortMsgMTRelayContext v3 as not supported is sent
 * the same segment again as ForwardSM in v2, and is remembered as a v2 node, so later SMs go as v2 at once.
 */
public final class MapMtDelivery implements NodeDelivery {
    private static final Logger LOG = LogManager.getLogger(MapMtDelivery.class);
    /** Serving nodes are few (they come from the HSS, not from peers); the bound is a safety net. */
    private static final int MAX_REMEMBERED = 10_000;

    private final MtForwardSmSender smsc;
    private final Map<String, Boolean> v2Nodes = new ConcurrentHashMap<>();

    public MapMtDelivery(MtForwardSmSender smsc) {
        this.smsc = smsc;
    }

    @Override
    public CompletionStage<DeliveryAttempt> deliver(Imsi imsi, ServingNode node, List<byte[]> tpdus) {
        if (node.kind() == ServingNode.Kind.MME) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY,
                    "an MME is reached over SGd, not MAP"));
        }
        if (tpdus.isEmpty()) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.PERMANENT, "no TPDU"));
        }
        int ssn = node.kind() == ServingNode.Kind.SGSN ? Ss7StackConfig.SSN_SGSN : Ss7StackConfig.SSN_MSC;
        return segment(imsi, node, ssn, tpdus, 0);
    }

    private CompletionStage<DeliveryAttempt> segment(Imsi imsi, ServingNode node, int ssn, List<byte[]> tpdus, int i) {
        int version = v2Nodes.containsKey(node.address()) ? 2 : 3;
        return send(imsi, node, ssn, version, tpdus.get(i)).thenCompose(outcome -> {
            if (version == 3 && outcome instanceof MapOutcome.Refused<?> refused && refused.contextNotSupported()) {
                if (v2Nodes.size() >= MAX_REMEMBERED) {
                    v2Nodes.clear();
                }
                v2Nodes.put(node.address(), Boolean.TRUE);
                LOG.info("serving node {} refused MAP v3 for MT SMs; using v2 with it", node);
                return segment(imsi, node, ssn, tpdus, i);
            }
            DeliveryAttempt attempt = classify(outcome);
            if (attempt.result() != DeliveryAttempt.Result.DELIVERED) {
                LOG.debug("MT-ForwardSM {}/{} to IMSI {} at {}: {}", i + 1, tpdus.size(), imsi.masked(), node, attempt);
                return CompletableFuture.completedFuture(tpdus.size() == 1 ? attempt : new DeliveryAttempt(attempt.result(),
                        "segment " + (i + 1) + " of " + tpdus.size() + ": " + attempt.detail()));
            }
            return i + 1 == tpdus.size() ? CompletableFuture.completedFuture(attempt) : segment(imsi, node, ssn, tpdus, i + 1);
        });
    }

    private CompletionStage<? extends MapOutcome<?>> send(Imsi imsi, ServingNode node, int ssn, int version, byte[] tpdu) {
        try {
            // One dialog per segment: More-Messages-To-Send stays off, as no further SM follows in the same dialog.
            return smsc.send(imsi.digits(), node.address(), ssn, version, tpdu, false);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new MapOutcome.Failure<>(MapOutcome.Kind.NOT_SENT, e.toString()));
        }
    }

    /** TS 29.002 error codes: absence and congestion pass, unknown or barred subscribers do not. */
    static DeliveryAttempt classify(MapOutcome<?> outcome) {
        if (outcome.kind() == MapOutcome.Kind.RESULT) {
            return DeliveryAttempt.delivered();
        }
        if (outcome.kind() != MapOutcome.Kind.MAP_ERROR) {
            return new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, outcome.describe());
        }
        long code = outcome.errorCode();
        DeliveryAttempt.Result result = switch ((int) code) {
            case 6, 27 -> DeliveryAttempt.Result.ABSENT;            // absentSubscriberSM, absentSubscriber
            case 31, 32, 34 -> DeliveryAttempt.Result.TEMPORARY;    // busy for MT-SMS, SM delivery failure, system failure
            default -> DeliveryAttempt.Result.PERMANENT;            // unknownSubscriber (1), illegal/barred, unexpected data
        };
        return new DeliveryAttempt(result, outcome.describe());
    }
}
