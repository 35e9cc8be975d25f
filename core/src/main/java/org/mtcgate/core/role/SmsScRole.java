package org.mtcgate.core.role;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.core.config.SmsScSettings;
import org.mtcgate.core.observe.MapEvents;
import org.mtcgate.map.smsc.MapMtDelivery;
import org.mtcgate.core.store.SmscStore;
import org.mtcgate.core.store.StoreException;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.t4.SmsScT4Application;
import org.mtcgate.diameter.t4.SmsScTriggers;
import org.mtcgate.diameter.t4.T4DeliveryReporter;
import org.mtcgate.filter.smsc.OutcomeDispatch;
import org.mtcgate.filter.smsc.RetryPolicy;
import org.mtcgate.filter.smsc.SmOutcomeListener;
import org.mtcgate.filter.smsc.StoreAndForward;
import org.mtcgate.filter.trigger.DeliveryReportListener;
import org.mtcgate.filter.trigger.SmsScSubmitter;
import org.mtcgate.filter.trigger.TriggerSubmitter;
import org.mtcgate.map.smsc.MtForwardSmSender;
import org.mtcgate.map.smsc.MoForwardSmHandler;
import org.mtcgate.map.client.MapClient;
import org.mtcgate.map.smsc.AlertServiceCentreHandler;
import org.mtcgate.map.smsc.MapMessageWaiting;
import org.mtcgate.map.smsc.SmsDeliverTpdu;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.filter.smsc.MessageWaiting;
import org.mtcgate.filter.smsc.NodeDelivery;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.filter.smsc.ServingNodeDelivery;
import java.util.EnumMap;
import org.mtcgate.diameter.sgd.SgdMtDelivery;
import java.util.Optional;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.map.smsc.MapRoutingInfo;
import org.mtcgate.map.smsc.MoSmSink;
import org.mtcgate.map.smsc.MoToMt;
import java.util.Map;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * The SMS-SC: SMs held in its own store ({@code smsc}) and delivered over MAP with retries; T4 from trusted
 * MTC-IWFs (reported back with DRR); MO SMs from the SMS-IWMSC through the filter. Its domain knows SMs, not
 * triggers: the node's own MTC-IWF and the T4 server hand triggers over through {@link SmsScSubmitter}, and
 * the MTC-IWF hears outcomes through the listener given to {@link #reportLocalTriggersTo}.
 */
public final class SmsScRole implements NodeRole {
    private static final Logger LOG = LogManager.getLogger(SmsScRole.class);

    private final SmscStore store;
    private final SmsScSubmitter submitter;
    private final StoreAndForward smsc;
    private final MoForwardSmHandler mo;
    private final MapClient mapClient;
    private final MoToMt moToMt;
    private final SgdMtDelivery sgd;
    /** The longest TP-VP an MO SM is held for (TS 23.040 allows 63 weeks; a lab SMS-SC keeps a week at most). */
    private static final Duration MO_MAX_VALIDITY = Duration.ofDays(7);
    private final MapMessageWaiting messageWaiting;
    private final AlertServiceCentreHandler alerts;
    private final boolean revealImsi;
    private volatile DeliveryReportListener local;
    private volatile OutcomeDispatch outcomes;
    /** MO SMs to other UEs (MT); the Tsms role puts the SMEs' sink in front of it. */
    private final MoSmSink moToUes;
    private volatile MoSmSink moSink;

    /** Opens the SMS-SC's store and attaches to the endpoints; on failure nothing stays open. */
    public static SmsScRole start(RoleContext ctx, SmsScSettings settings) throws RoleStartException {
        Ss7Endpoint ss7 = ctx.requireSs7("sms-sc");
        SmscStore store;
        try {
            store = ctx.stores().heldSms("smsc", settings.fsync());
        } catch (StoreException e) {
            throw new RoleStartException(e.getMessage(), e);
        }
        try {
            return new SmsScRole(ctx, settings, ss7, store);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    private SmsScRole(RoleContext ctx, SmsScSettings settings, Ss7Endpoint ss7, SmscStore store) {
        this.store = store;
        this.revealImsi = ctx.revealImsi();
        Ss7Stack stack = ss7.stack();
        String gt = stack.config().localGlobalTitle();
        mapClient = MapClient.attach(stack.mapProvider(), stack.config().invokeTimeoutMillis(), 0);
        MapMtDelivery overMap = new MapMtDelivery(new MtForwardSmSender(mapClient, gt, gt));
        Map<ServingNode.Kind, NodeDelivery> paths = new EnumMap<>(ServingNode.Kind.class);
        paths.put(ServingNode.Kind.MSC, overMap);
        paths.put(ServingNode.Kind.SGSN, overMap);
        // SGd to MMEs (announced in CER/CEA before the Diameter node starts); MMEs are peers with role mme.
        sgd = settings.sgd() && ctx.diameter().isPresent()
                ? SgdMtDelivery.announcedOn(ctx.diameter().get().node(), settings.addresses().get(0), ctx.clock()) : null;
        if (sgd != null) {
            paths.put(ServingNode.Kind.MME, sgd);
        }
        messageWaiting = settings.hlr() == null ? null
                : new MapMessageWaiting(mapClient, gt, settings.hlr(), settings.addresses().get(0));
        smsc = new StoreAndForward(store, new ServingNodeDelivery(new SmsDeliverTpdu(settings.triggerOriginator(), ctx.clock()),
                paths, messageWaiting == null ? MessageWaiting.NONE : messageWaiting),
                new RetryPolicy(settings.retryFirst(), settings.retryMax()), ctx.clock(), settings.maxInFlight());
        RoleMetrics.smsSc(ctx.metrics(), smsc);
        // The HLR's alert when a UE with waiting SMs is back: they are tried at once.
        alerts = AlertServiceCentreHandler.attach(stack, Set.copyOf(settings.addresses()),
                msisdn -> smsc.alert(r -> msisdn.equals(r.msisdn())),
                new MapEvents(ctx.observer(), ctx.metrics(), "sms-sc-alert")::protocolError);
        submitter = new SmsScSubmitter(smsc);
        // MO SMs from the SMS-IWMSC pass the filter (ingress SMS_IWMSC_MO); what it allows goes to the MO sink: an SME's
        // address to that SME over Tsms (when the node has it), any other UE held and delivered as MT, found through
        // the embedded subscriber store or else SRI-for-SM to sms-sc.hlr.
        Optional<RoutingInfo> routing = ctx.stores().routingInfo().or(() -> settings.hlr() == null ? Optional.empty()
                : Optional.of(new MapRoutingInfo(mapClient, gt, settings.hlr(), settings.addresses().get(0))));
        moToMt = routing.map(r -> new MoToMt(r, smsc::submit, ctx.clock(), settings.defaultValidity(), MO_MAX_VALIDITY))
                .orElse(null);
        moToUes = moToMt != null ? moToMt : sm -> CompletableFuture.failedFuture(new IllegalStateException(
                "no subscriber store and no sms-sc.hlr: MO SMs cannot be routed"));
        moSink = moToUes;
        mo = MoForwardSmHandler.attach(ss7.stack(), ctx.filter(), sm -> moSink.accept(sm),
                new MapEvents(ctx.observer(), ctx.metrics(), "sms-sc-mo"), Set.copyOf(settings.addresses()));
        // Outcomes of the node's own MTC-IWF's triggers go to it directly; it is set before the start.
        DeliveryReportListener toLocal = (id, outcome) -> {
            DeliveryReportListener l = local;
            return l == null ? CompletableFuture.completedFuture(false) : l.onDeliveryReport(id, outcome);
        };
        DeliveryReportListener reports = toLocal;
        if (ctx.diameter().isPresent()) {
            var diameter = ctx.diameter().get().node();
            SmsScTriggers viaT4 = new SmsScTriggers(100_000);
            T4DeliveryReporter drr = new T4DeliveryReporter(diameter, viaT4, ctx.clock());
            diameter.registerHandler(ApplicationIds.T4, new SmsScT4Application(submitter, viaT4, settings.defaultValidity(),
                    ctx.clock(), ctx.filter(), ctx.observer()));
            // Triggers that came over T4 are reported with DRR; the rest are the node's own MTC-IWF's.
            reports = (id, outcome) -> drr.onDeliveryReport(id, outcome)
                    .thenCompose(sent -> sent ? CompletableFuture.completedFuture(true) : toLocal.onDeliveryReport(id, outcome));
        }
        outcomes = new OutcomeDispatch(SmsScSubmitter.reportingTo(reports));
        smsc.reportTo(outcomes);
        ctx.housekeeping().every(Duration.ofMinutes(1), "forgetting finished SMS-SC triggers", () ->
                store.purgeFinished(ctx.clock().instant()).thenAccept(n -> {
                    if (n > 0) {
                        LOG.info("housekeeping: the SMS-SC forgot {} finished triggers", n);
                    }
                }));
    }

    /** Where the node's own MTC-IWF submits triggers. */
    public TriggerSubmitter submitter() {
        return submitter;
    }

    /** The node's own MTC-IWF, which hears the outcome of the triggers it submitted here; set before the start. */
    public void reportLocalTriggersTo(DeliveryReportListener listener) {
        local = listener;
    }

    // --- Other submitters (SMEs over Tsms): where their SMs enter, and their outcomes by submitter prefix ---

    /** Where roles that take SMs from other submitters (Tsms) hand them over; set up before the start. */
    public StoreAndForward storeAndForward() {
        return smsc;
    }

    /** The outcomes of SMs whose submitter starts {@code prefix} go to {@code listener}; set before the start. */
    public void reportOutcomesOf(String prefix, SmOutcomeListener listener) {
        outcomes = outcomes.with(prefix, listener);
        smsc.reportTo(outcomes);
    }

    /** Where the MO SMs the filter allowed go (the SMEs' Tsms, which hands the others to {@link #moToUes}); set before the start. */
    public void deliverMoTo(MoSmSink sink) {
        moSink = sink;
    }

    /** The MO sink for SMs to other UEs (delivered as MT), for a sink in front of it to fall back on. */
    public MoSmSink moToUes() {
        return moToUes;
    }

    @Override
    public String name() {
        return "sms-sc";
    }

    @Override
    public void started() {
        smsc.resume();
    }

    @Override
    public void stats(Consumer<String> out) {
        StoreAndForward.Window w = smsc.window().toCompletableFuture().join();
        out.accept(String.format("SMS-SC: %,d delivery attempts, %,d delivered, %s held now (%d in flight, %d waiting for the window)",
                smsc.attemptCount(), smsc.deliveredCount(), smsc.pendingCount().toCompletableFuture().join(), w.inFlight(), w.waiting()));
        if (sgd != null) {
            out.accept(sgd.statsLine());
        }
        if (messageWaiting != null) {
            out.accept(String.format("SMS-SC message waiting: %,d reported to the HLR, %,d reports failed, %,d alerts taken, %,d refused",
                    messageWaiting.reportedCount(), messageWaiting.failedCount(), alerts.acceptedCount(), alerts.refusedCount()));
        }
        var c = mo.counters();
        out.accept(String.format("SMS-SC MO: %,d MO-ForwardSM, %,d accepted, %,d blocked", c.received(), c.accepted(), c.blocked())
                + (moToMt == null ? "" : String.format("; %,d held for MT, %,d not routable", moToMt.takenCount(), moToMt.refusedCount())));
    }

    @Override
    public void triggers(long reference, Consumer<String> out) {
        store.byReference(reference).forEach(sm -> out.accept(TriggerLines.line("SMS-SC", sm, sm.recipient().imsi(),
                sm.acceptedAt(), sm.expiresAt(), revealImsi)));
    }

    /** MO first (no new work), then the engine, then its store: the reverse of building. */
    @Override
    public void close() {
        mo.detach();
        alerts.detach();
        smsc.close();
        mapClient.detach();
        store.close();
    }
}
