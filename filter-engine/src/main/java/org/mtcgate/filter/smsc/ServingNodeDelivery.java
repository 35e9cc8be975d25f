package org.mtcgate.filter.smsc;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SMS-SC's MT path choice (TS 23.040 3.2, TS 23.204): the serving nodes the HSS named are tried in order, each
 * over its own path (MAP for an MSC or SGSN, SGd for an MME); a node that finds the UE absent, or fails for now,
 * hands over to the next. When no node reached the UE the message waiting service is told, so the HLR alerts the
 * SMS-SC when the UE is back. A permanent refusal (unknown or barred subscriber) ends the attempt at once: it is
 * about the subscriber, not the node.
 */
public final class ServingNodeDelivery implements MtDelivery {
    private final SmsDeliverEncoder encoder;
    private final Map<ServingNode.Kind, NodeDelivery> paths;
    private final MessageWaiting messageWaiting;

    public ServingNodeDelivery(SmsDeliverEncoder encoder, Map<ServingNode.Kind, NodeDelivery> paths, MessageWaiting messageWaiting) {
        this.encoder = encoder;
        this.paths = paths.isEmpty() ? Map.of() : new EnumMap<>(paths);
        this.messageWaiting = messageWaiting;
    }

    @Override
    public CompletionStage<DeliveryAttempt> deliver(HeldSm sm) {
        List<byte[]> tpdus;
        try {
            tpdus = encoder.encode(sm);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.PERMANENT,
                    "the SM cannot be carried: " + e.getMessage()));
        }
        List<ServingNode> nodes = sm.recipient().nodes();
        return next(sm, tpdus, nodes, 0, new ArrayList<>(), false);
    }

    private CompletionStage<DeliveryAttempt> next(HeldSm sm, List<byte[]> tpdus, List<ServingNode> nodes, int i,
                                                  List<String> failures, boolean temporary) {
        while (i < nodes.size() && !paths.containsKey(nodes.get(i).kind())) {
            failures.add(nodes.get(i) + ": no path to it");
            i++;
        }
        if (i == nodes.size()) {
            return unreached(sm, failures, temporary);
        }
        ServingNode node = nodes.get(i);
        int at = i;
        CompletionStage<DeliveryAttempt> sent;
        try {
            sent = paths.get(node.kind()).deliver(sm.recipient().imsi(), node, tpdus);
        } catch (RuntimeException e) {
            sent = CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, e.toString()));
        }
        return sent.thenCompose(attempt -> switch (attempt.result()) {
            case DELIVERED, PERMANENT -> CompletableFuture.completedFuture(attempt);
            case ABSENT, TEMPORARY -> {
                failures.add(node + ": " + attempt.detail());
                yield next(sm, tpdus, nodes, at + 1, failures,
                        temporary || attempt.result() == DeliveryAttempt.Result.TEMPORARY);
            }
        });
    }

    /** No node took it: absent everywhere sets message waiting; a failure that may pass is retried as such. */
    private CompletionStage<DeliveryAttempt> unreached(HeldSm sm, List<String> failures, boolean temporary) {
        String detail = failures.isEmpty() ? "the HSS named no serving node" : String.join("; ", failures);
        if (temporary) {
            return CompletableFuture.completedFuture(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, detail));
        }
        DeliveryAttempt absent = new DeliveryAttempt(DeliveryAttempt.Result.ABSENT, detail);
        CompletionStage<Void> told;
        try {
            told = messageWaiting.absent(sm.recipient());
        } catch (RuntimeException e) {
            told = CompletableFuture.completedFuture(null);
        }
        return told.handle((v, e) -> absent);
    }
}
