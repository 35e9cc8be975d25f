package org.mtcgate.diameter.tsp;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.RequestContext;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceActionRequest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * An SCS on Tsp, for labs, tests and load: sends Device-Action requests to an MTC-IWF and answers the
 * Device-Notification requests that come back, handing each delivery report to a listener.
 */
public final class ScsClient implements AutoCloseable {
    /** A delivery report received in a DNR. */
    public record DeliveryReport(long referenceNumber, DeliveryOutcome outcome, DiameterMessage dnr) {
    }

    private final DiameterNode node;
    private final String mtcIwfRealm;
    private final AtomicLong sessions = new AtomicLong();

    private ScsClient(DiameterNode node, String mtcIwfRealm) {
        this.node = node;
        this.mtcIwfRealm = mtcIwfRealm;
    }

    /**
     * Starts an SCS node (config must name the MTC-IWF as a connecting peer) and waits for nothing: use
     * {@link #connected(String)} before sending.
     */
    public static ScsClient start(DiameterNodeConfig config, String mtcIwfRealm, Consumer<DeliveryReport> reports)
            throws Exception {
        return start(config, mtcIwfRealm, reports, org.mtcgate.diameter.peer.PeerFailureListener.NONE);
    }

    /**
     * As {@link #start(DiameterNodeConfig, String, Consumer)}; why each attempt to reach the MTC-IWF failed goes to
     * {@code failures}, and {@code alsoAnnounced} names more applications the SCS uses as a client on the same
     * connections (Zpn, when its MTC-IWF peer is also its BSF).
     */
    public static ScsClient start(DiameterNodeConfig config, String mtcIwfRealm, Consumer<DeliveryReport> reports,
                                  org.mtcgate.diameter.peer.PeerFailureListener failures, long... alsoAnnounced) throws Exception {
        DiameterNode node = new DiameterNode(config);
        for (long app : alsoAnnounced) {
            node.supportApplication(app);
        }
        node.registerHandler(ApplicationIds.TSP, (request, ctx) -> answerDnr(request, ctx, reports));
        node.peerFailureListener(failures);
        node.start();
        return new ScsClient(node, mtcIwfRealm);
    }

    /** Completes when the connection to the MTC-IWF is open (CER/CEA done). */
    public CompletableFuture<Void> connected(String mtcIwfHost) {
        return node.whenPeerOpen(mtcIwfHost);
    }

    public CompletableFuture<DeviceActionAnswer> send(DeviceActionRequest request) {
        String origin = node.config().identity().originHost();
        DiameterMessage dar = DeviceActionEncoder.encode(request, origin + ";scs;" + sessions.incrementAndGet(), origin,
                node.config().identity().originRealm(), mtcIwfRealm);
        return node.sendRequest(dar).thenApply(DeviceActionAnswer::of);
    }

    public DiameterNode node() {
        return node;
    }

    private static CompletionStage<DiameterMessage> answerDnr(DiameterMessage request, RequestContext ctx,
                                                               Consumer<DeliveryReport> reports) {
        if (request.commandCode() != CommandCodes.DEVICE_NOTIFICATION) {
            return CompletableFuture.completedFuture(ctx.answer(request, 3001).error(true).build());
        }
        long ref = -1;
        DeliveryOutcome outcome = null;
        var dn = request.avp(AvpCodes.DEVICE_NOTIFICATION, VendorIds.TGPP);
        if (dn.isPresent()) {
            for (Avp a : dn.get().groupedAvps()) {
                if (a.code() == AvpCodes.REFERENCE_NUMBER) {
                    ref = a.unsigned32();
                } else if (a.code() == AvpCodes.DELIVERY_OUTCOME) {
                    outcome = DeliveryOutcome.ofCode(a.unsigned32());
                }
            }
        }
        if (ref < 0 || outcome == null) {
            return CompletableFuture.completedFuture(ctx.answer(request, 5005)
                    .avp(TspAvps.authApplicationId()).avp(BaseAvps.authSessionState(1))
                    .avp(BaseAvps.errorMessage("a DNR needs Device-Notification with Reference-Number and Delivery-Outcome"))
                    .build());
        }
        reports.accept(new DeliveryReport(ref, outcome, request));
        return CompletableFuture.completedFuture(ctx.answer(request, 2001)
                .avp(TspAvps.authApplicationId()).avp(BaseAvps.authSessionState(1)).build());
    }

    @Override
    public void close() {
        node.close();
    }
}
