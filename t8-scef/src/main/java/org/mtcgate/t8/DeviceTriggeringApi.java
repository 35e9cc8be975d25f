package org.mtcgate.t8;

import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.ActionType;
import org.mtcgate.filter.trigger.DeviceActionRequest;
import org.mtcgate.filter.trigger.DeviceActionResult;
import org.mtcgate.filter.trigger.DeviceTriggering;
import org.mtcgate.filter.trigger.TriggerId;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The device triggering API of TS 29.122 5.7 on the MTC-IWF's procedure: a create is a Device-Action trigger, PUT a
 * replace and DELETE a recall, each with a Reference-Number this SCEF allocates, the SCS/AS as the authenticated SCS
 * and ingress T8, so the filter, the HSS check and the SMS-SC are exactly Tsp's. The caller has authenticated the
 * SCS/AS and checked the scope.
 */
public final class DeviceTriggeringApi {
    public static final String BASE = "/3gpp-device-triggering/v1";
    /** A transaction is kept this long after its trigger's validity, for GET after the delivery report. */
    private static final Duration KEEP_AFTER_VALIDITY = Duration.ofHours(1);
    private static final Set<String> FINAL = Set.of("SUCCESS", "FAILURE", "EXPIRED", "UNCONFIRMED", "UNKNOWN");

    private final DeviceTriggering triggering;
    private final Transactions transactions;
    private final IdempotentCreates creates;
    private final String apiUri;
    private final Clock clock;
    private final T8Stats stats;
    /** Reference-Numbers the SCEF gives its Device-Actions; seeded from the clock, and never one a live transaction holds. */
    private final AtomicLong references;

    DeviceTriggeringApi(DeviceTriggering triggering, Transactions transactions, IdempotentCreates creates, String apiUri,
                        Clock clock, T8Stats stats) {
        this.triggering = triggering;
        this.transactions = transactions;
        this.creates = creates;
        this.apiUri = apiUri;
        this.clock = clock;
        this.stats = stats;
        this.references = new AtomicLong(clock.instant().getEpochSecond() << 4);
    }

    String self(Transaction t) {
        return apiUri + "/" + t.scsAsId() + "/transactions/" + t.id();
    }

    CompletionStage<HttpReply> create(String scsAsId, byte[] body) {
        RequestReader.Outcome read = RequestReader.read(body);
        if (read.problem() != null) {
            stats.count("bad-request");
            return done(HttpReply.problem(read.problem()));
        }
        return creates.once(scsAsId, read.content().body(), clock.instant(), () -> submit(scsAsId, read.content()));
    }

    private CompletionStage<HttpReply> submit(String scsAsId, TriggerContent c) {
        TriggerId id = new TriggerId(scsAsId, nextReference(scsAsId));
        Transaction t = new Transaction(scsAsId, HexFormat.of().formatHex(AccessTokens.randomBytes(12)), id, c, null,
                clock.instant().plus(c.validity()).plus(KEEP_AFTER_VALIDITY));
        // Known, and written, before the MTC-IWF is asked: the node's own SMS-SC may report delivery before the answer is
        // back, and a trigger the MTC-IWF holds over a restart must still find its transaction.
        Optional<CompletionStage<Void>> added = transactions.tryAdd(t);
        if (added.isEmpty()) {
            stats.count("transactions-full");
            return done(HttpReply.problem(ProblemDetails.of(503, "Service Unavailable", null,
                    "the SCEF holds as many transactions as it may"), Map.of("Retry-After", "60")));
        }
        DeviceActionRequest request = new DeviceActionRequest(scsAsId, null, ActionType.DEVICE_TRIGGER_REQUEST,
                id.referenceNumber(), null, c.ue(), c.payload(), c.applicationPort(), c.priority(), c.validity(), Ingress.T8);
        return added.get().handle((written, failure) -> failure).thenCompose(failure -> {
            if (failure != null) {
                // Not kept, so not submitted: a trigger whose report could be lost over a restart is not started.
                stats.count("transactions-not-kept");
                return transactions.remove(t).handle((v, e) -> HttpReply.problem(ProblemDetails.of(503, "Service Unavailable", null,
                        "the SCEF cannot keep the transaction now"), Map.of("Retry-After", "5")));
            }
            return submitKept(t, request);
        });
    }

    private CompletionStage<HttpReply> submitKept(Transaction t, DeviceActionRequest request) {
        String scsAsId = t.scsAsId();
        return triggering.handle(request).thenCompose(result -> {
            if (!result.isSuccess()) {
                return transactions.remove(t).thenApply(v -> refused(result));
            }
            stats.count("created");
            Transaction now = transactions.find(scsAsId, t.id()).orElse(t);
            if (now.deliveryResult() == null) {
                now = now.withResult(DeliveryResults.TRIGGERED);
            }
            Transaction shown = now;
            return transactions.update(shown)
                    .thenApply(v -> HttpReply.json(201, shown.resource(self(shown)), Map.of("Location", self(shown))));
        });
    }

    CompletionStage<HttpReply> read(String scsAsId, String transactionId) {
        return done(transactions.find(scsAsId, transactionId)
                .map(t -> HttpReply.json(200, t.resource(self(t))))
                .orElseGet(() -> notFound(transactionId)));
    }

    CompletionStage<HttpReply> readAll(String scsAsId) {
        List<DeviceTriggeringBody> all = transactions.of(scsAsId).stream().map(t -> t.resource(self(t))).toList();
        return done(HttpReply.json(200, all));
    }

    /** PUT: replace (TS 23.682 5.2.2) the pending trigger with the new content, under a new Reference-Number. */
    CompletionStage<HttpReply> replace(String scsAsId, String transactionId, byte[] body) {
        Optional<Transaction> found = transactions.find(scsAsId, transactionId);
        if (found.isEmpty()) {
            return done(notFound(transactionId));
        }
        RequestReader.Outcome read = RequestReader.read(body);
        if (read.problem() != null) {
            stats.count("bad-request");
            return done(HttpReply.problem(read.problem()));
        }
        Transaction t = found.get();
        TriggerContent c = read.content();
        if (!c.ue().equals(t.content().ue())) {
            // The request is well formed; it asks to change what a transaction cannot change: 403, not 400.
            return done(HttpReply.problem(ProblemDetails.unchangeable(
                    t.content().ue().externalId() != null ? "/externalId" : "/msisdn", "a replace keeps the transaction's UE")));
        }
        TriggerId next = new TriggerId(scsAsId, nextReference(scsAsId));
        transactions.alias(next, t);
        DeviceActionRequest request = new DeviceActionRequest(scsAsId, null, ActionType.DEVICE_TRIGGER_REPLACE,
                next.referenceNumber(), t.trigger().referenceNumber(), c.ue(), c.payload(), c.applicationPort(), c.priority(),
                c.validity(), Ingress.T8);
        return triggering.handle(request).thenCompose(result -> {
            boolean sentAlone = result.requestStatus() == RequestStatus.ORIGINALMESSAGESENT;
            if (!result.isSuccess() && !sentAlone) {
                transactions.unalias(next);
                return done(refused(result));
            }
            stats.count("replaced");
            // The replacement may have been delivered and reported before this answer: keep what the report said.
            Transaction current = transactions.find(scsAsId, transactionId).orElse(t);
            String shown = current.trigger().equals(next) && current.deliveryResult() != null ? current.deliveryResult()
                    : sentAlone ? DeliveryResults.TRIGGERED : DeliveryResults.REPLACED;
            // sentAlone: the original was delivered already and the new trigger went out as one of its own.
            Transaction now = t.replacedBy(next, c, clock.instant().plus(c.validity()).plus(KEEP_AFTER_VALIDITY)).withResult(shown);
            if (current.trigger().equals(next) && current.reportPending()) {
                now = now.withReport(shown);
            }
            Transaction replaced = now;
            return transactions.replace(replaced, t.trigger()).thenApply(v -> HttpReply.json(200, replaced.resource(self(replaced))));
        });
    }

    /** DELETE: recall the pending trigger; a transaction whose trigger has a final result is simply forgotten. */
    CompletionStage<HttpReply> recall(String scsAsId, String transactionId) {
        Optional<Transaction> found = transactions.find(scsAsId, transactionId);
        if (found.isEmpty()) {
            return done(notFound(transactionId));
        }
        Transaction t = found.get();
        if (t.deliveryResult() != null && FINAL.contains(t.deliveryResult())) {
            return transactions.remove(t).thenApply(v -> HttpReply.empty(204));
        }
        DeviceActionRequest request = new DeviceActionRequest(scsAsId, null, ActionType.DEVICE_TRIGGER_RECALL,
                nextReference(scsAsId), t.trigger().referenceNumber(), t.content().ue(), null, -1, false, null, Ingress.T8);
        return triggering.handle(request).thenCompose(result -> {
            if (!result.isSuccess()) {
                return done(refused(result));
            }
            stats.count("recalled");
            return transactions.remove(t).thenApply(v -> HttpReply.empty(204));
        });
    }

    private HttpReply refused(DeviceActionResult result) {
        stats.count("refused-" + result.requestStatus().name().toLowerCase(java.util.Locale.ROOT));
        return RequestStatusProblem.of(result);
    }

    private static HttpReply notFound(String transactionId) {
        return HttpReply.problem(ProblemDetails.of(404, "Not Found", "RESOURCE_NOT_FOUND",
                "no transaction " + transactionId + " of this SCS/AS"));
    }

    /**
     * A Reference-Number no live transaction of {@code scsAsId} holds. The clock seed alone is not enough: a node
     * restarted within seconds starts again where it began, and would hand out the reference of a trigger it recovered.
     */
    private long nextReference(String scsAsId) {
        for (int i = 0; i < 1_000_000; i++) {
            long ref = references.getAndIncrement() & 0xFFFF_FFFFL;
            if (transactions.byTrigger(new TriggerId(scsAsId, ref)).isEmpty()) {
                return ref;
            }
        }
        throw new IllegalStateException("no free Reference-Number for " + scsAsId);
    }

    private static CompletionStage<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }
}
