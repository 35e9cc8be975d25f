package org.mtcgate.core.role;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.metrics.Latency;
import org.mtcgate.core.store.HeldTriggerStore;
import org.mtcgate.core.store.StoreException;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.S6mClientConfig;
import org.mtcgate.diameter.s6m.S6mSubscriberDirectory;
import org.mtcgate.diameter.t4.SmeAddress;
import org.mtcgate.diameter.t4.T4ClientConfig;
import org.mtcgate.diameter.t4.T4DeliveryReportApplication;
import org.mtcgate.diameter.t4.T4References;
import org.mtcgate.diameter.t4.T4TriggerSubmitter;
import org.mtcgate.diameter.tsp.MtcIwfTspApplication;
import org.mtcgate.diameter.tsp.TspNotifier;
import org.mtcgate.filter.trigger.DeliveryReportListener;
import org.mtcgate.filter.trigger.DeviceNotifier;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.ScsIdentities;
import org.mtcgate.filter.trigger.SubscriberDirectory;
import org.mtcgate.filter.trigger.TriggerLimits;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The MTC-IWF: Device-Action requests from SCSs on Tsp, subscribers from the embedded store or an HSS over
 * S6m, submission to the node's own SMS-SC or over T4, Device-Notification back to the SCS.
 */
public final class MtcIwfRole implements NodeRole {
    private static final Logger LOG = LogManager.getLogger(MtcIwfRole.class);
    /** A submitted trigger with no report this long after its validity ended is reported UNCONFIRMED. */
    private static final Duration REPORT_GRACE = Duration.ofMinutes(5);

    private final HeldTriggerStore store;
    private final DeviceTriggering triggering;
    private final MtcIwfTspApplication tsp;
    private final TspNotifier notifier;
    /** SCSs whose reports do not go over Tsp (the SCEF's SCS/ASs), registered while the node is assembled. */
    private final Map<String, DeviceNotifier> otherNotifiers = new ConcurrentHashMap<>();
    private final boolean revealImsi;

    /**
     * Opens the MTC-IWF's store and registers Tsp (and the S6m and T4 clients it needs) on the Diameter endpoint.
     *
     * @param localSmsc the node's own SMS-SC, when it plays that role and {@code mtc-iwf.t4} is absent
     */
    public static MtcIwfRole start(RoleContext ctx, NodeConfig.MtcIwf settings, Optional<TriggerSubmitter> localSmsc)
            throws RoleStartException {
        DiameterEndpoint diameter = ctx.requireDiameter("mtc-iwf");
        if (settings.t4() == null && localSmsc.isEmpty()) {
            throw new RoleStartException("the mtc-iwf role submits triggers to the node's own sms-sc role or over mtc-iwf.t4");
        }
        HeldTriggerStore store;
        try {
            store = ctx.stores().triggers("triggers", settings.fsync());
        } catch (StoreException e) {
            throw new RoleStartException(e.getMessage(), e);
        }
        try {
            return new MtcIwfRole(ctx, settings, diameter, store, localSmsc);
        } catch (RoleStartException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private MtcIwfRole(RoleContext ctx, NodeConfig.MtcIwf settings, DiameterEndpoint endpoint, HeldTriggerStore store,
                       Optional<TriggerSubmitter> localSmsc) throws RoleStartException {
        this.store = store;
        this.revealImsi = ctx.revealImsi();
        RoleMetrics.triggers(ctx.metrics(), store);
        DiameterNode diameter = endpoint.node();
        SubscriberDirectory directory;
        NodeConfig.Hss hss = settings.hss();
        if (hss != null) {
            directory = new S6mSubscriberDirectory(diameter, new S6mClientConfig(hss.realm(), hss.host(), hss.cacheTtl(),
                    S6mClientConfig.DEFAULT_MAX_ENTRIES), ctx.clock());
            diameter.supportApplication(ApplicationIds.S6M);
        } else {
            directory = ctx.stores().subscribers().orElseThrow(() -> new RoleStartException(
                    "the mtc-iwf role needs 'subscribers' (the embedded subscriber store) or mtc-iwf.hss (S6m)"));
        }
        NodeConfig.T4 t4 = settings.t4();
        TriggerSubmitter submitter;
        T4References references = null;
        if (t4 != null) {
            references = new T4References(100_000, Duration.ofHours(1), ctx.clock());
            SmeAddress sme = SmeAddress.international(t4.smeAddress());
            submitter = new T4TriggerSubmitter(diameter, new T4ClientConfig(t4.realm(), t4.host(), scs -> sme), references, ctx.clock());
        } else {
            submitter = localSmsc.orElseThrow();
        }
        notifier = new TspNotifier(diameter, endpoint::realmOf);
        TriggerLimits limits = new TriggerLimits(settings.maxPayload(), settings.defaultValidity(), settings.maxValidity());
        DeviceNotifier byScs = n -> otherNotifiers.getOrDefault(n.trigger().scsIdentity(), notifier).notify(n);
        triggering = new DeviceTriggering(ctx.filter(), directory, store, submitter, byScs, ctx.observer(), limits, ctx.clock(),
                new ScsIdentities(settings.scsIdentities()));
        if (references != null) {
            diameter.registerHandler(ApplicationIds.T4, new T4DeliveryReportApplication(references, triggering));
        }
        tsp = new MtcIwfTspApplication(triggering, true);
        Latency darLatency = ctx.metrics().latency("tsp_dar");
        diameter.registerHandler(ApplicationIds.TSP, (request, rc) -> {
            long t0 = System.nanoTime();
            return tsp.handle(request, rc).whenComplete((a, e) -> darLatency.since(t0));
        });
        ctx.housekeeping().every(Duration.ofMinutes(1), "forgetting finished MTC-IWF triggers", () ->
                store.purgeFinished(ctx.clock().instant()).thenAccept(n -> {
                    if (n > 0) {
                        LOG.info("housekeeping: the MTC-IWF forgot {} finished triggers", n);
                    }
                }));
        ctx.housekeeping().every(Duration.ofMinutes(1), "reporting triggers without a delivery report", () ->
                triggering.reportUnconfirmed(REPORT_GRACE).thenAccept(n -> {
                    if (n > 0) {
                        LOG.info("housekeeping: {} triggers without a delivery report reported UNCONFIRMED", n);
                    }
                }));
    }

    /** Where the node's own SMS-SC reports the outcome of the triggers this MTC-IWF submitted to it. */
    public DeliveryReportListener deliveryReports() {
        return triggering;
    }

    /** The device triggering procedure, for another ingress of the same MTC-IWF (the SCEF's T8). */
    public DeviceTriggering triggering() {
        return triggering;
    }

    /**
     * Delivery reports of the triggers of these SCSs go to {@code notifier} instead of Tsp (the SCEF's SCS/ASs, whose
     * names the config keeps apart from every Diameter peer's). Called while the node is assembled.
     */
    public void notifyThrough(Set<String> scsIdentities, DeviceNotifier other) {
        scsIdentities.forEach(scs -> otherNotifiers.put(scs, other));
    }

    @Override
    public String name() {
        return "mtc-iwf";
    }

    @Override
    public void started() {
        triggering.resumeAfterRestart();
    }

    @Override
    public void stats(Consumer<String> out) {
        out.accept(String.format("Tsp: %,d DARs handled, %,d refused at the Diameter level; %,d DNRs sent, %,d not delivered",
                tsp.handledCount(), tsp.refusedCount(), notifier.sentCount(), notifier.failedCount()));
    }

    @Override
    public void triggers(long reference, Consumer<String> out) {
        store.byReference(reference).forEach(t -> out.accept(TriggerLines.line("MTC-IWF", t, t.subscriber().imsi(), t.acceptedAt(),
                t.expiresAt(), revealImsi)));
    }

    @Override
    public void close() {
        store.close();
    }
}
