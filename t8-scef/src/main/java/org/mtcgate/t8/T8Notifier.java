package org.mtcgate.t8;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.store.RecordStore;
import org.mtcgate.filter.trigger.DeviceNotification;
import org.mtcgate.filter.trigger.DeviceNotifier;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Delivery reports to the SCS/AS (TS 29.122 5.7.3.2: POST of DeviceTriggeringDeliveryReportNotification to the
 * transaction's notificationDestination). Sent only over HTTPS with this node's certificate (mutual TLS, the T8
 * profile) and signed: header {@value #SIGNATURE_HEADER} is a compact JWS (ES256, the key of {@code /oauth2/jwks})
 * whose claims bind the body (its SHA-256), the SCS/AS as audience, the transaction, the result, the time and a
 * fresh random jti. A receiver that keeps the jtis it saw within the JWS's lifetime cannot be fooled by a replay,
 * even one that does not come over the same TLS connection.
 *
 * <p>A report is marked pending in the transaction (written to the {@link RecordStore}) before it is sent and
 * cleared once the receiver answered 2xx, so a report not yet sent when the node stops is sent after its start
 * ({@link #resume()}), and one that was sent is not sent again. Retried with growing delays ({@link #RETRY_SECONDS},
 * some seven minutes in all) on a connection failure, a timeout, 408, 429 or 5xx; any other answer is final.
 */
public final class T8Notifier implements DeviceNotifier {
    public static final String SIGNATURE_HEADER = "Mtcgate-Notification-Signature";
    private static final Logger LOG = LogManager.getLogger(T8Notifier.class);
    /** At once; at once again (a kept-alive connection the receiver had just closed); then backing off. */
    static final long[] RETRY_SECONDS = {0, 0, 2, 10, 30, 60, 300};
    private static final Duration SIGNATURE_LIFETIME = Duration.ofMinutes(5);

    private final Transactions transactions;
    private final DeviceTriggeringApi api;
    private final HttpClient http;
    private final AccessTokens tokens;
    private final Clock clock;
    private final T8Stats stats;
    private final String issuer;
    private static final int MAX_QUEUED = 100_000;
    /** Connections (and so notifications in flight) to one SCS/AS destination at most. */
    private static final int PER_DESTINATION = 4;
    private final DestinationLanes lanes = new DestinationLanes(PER_DESTINATION);
    /** Reports being signed, sent or waiting for a retry, so none goes out twice at once. */
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Signs and sends; retries wait on it too (CompletableFuture's own delays would start a thread each on 2 cores). */
    private final java.util.concurrent.ScheduledThreadPoolExecutor signer;

    T8Notifier(Transactions transactions, DeviceTriggeringApi api, HttpClient http, AccessTokens tokens, String issuer,
               Clock clock, T8Stats stats) {
        this.issuer = issuer;
        this.signer = new java.util.concurrent.ScheduledThreadPoolExecutor(1,
                new io.netty.util.concurrent.DefaultThreadFactory("t8-notify", true));
        this.transactions = transactions;
        this.api = api;
        this.http = http;
        this.tokens = tokens;
        this.clock = clock;
        this.stats = stats;
    }

    @Override
    public void notify(DeviceNotification n) {
        Transaction found = transactions.byTrigger(n.trigger()).map(t -> t.withTrigger(n.trigger())).orElse(null);
        if (found == null) {
            // Recalled or swept meanwhile, or a replaced trigger reported late: nobody to tell.
            stats.count("notification-dropped");
            LOG.info("T8: delivery report {} for {} has no transaction: dropped", n.outcome(), n.trigger());
            return;
        }
        String result = DeliveryResults.of(n.outcome());
        Transaction updated = found.withReport(result);
        // Pending before it is sent: a stop from here on leaves it to resume().
        transactions.update(updated).whenComplete((written, failure) -> {
            if (failure != null) {
                LOG.warn("T8: the delivery report for {} cannot be kept ({}); sending it anyway", n.trigger(), failure.toString());
            }
            enqueue(updated);
        });
    }

    /** Sends the reports that were pending when the node stopped. */
    public void resume() {
        List<Transaction> pending = transactions.reportsPending();
        if (!pending.isEmpty()) {
            LOG.info("T8: sending {} delivery reports held over the restart", pending.size());
        }
        pending.forEach(t -> {
            stats.count("notification-resumed");
            enqueue(t);
        });
    }

    private void enqueue(Transaction t) {
        // A report the MTC-IWF resends at start may meet the same one resumed from the store: send it once.
        if (!inFlight.add(flightKey(t))) {
            return;
        }
        // Called on the MTC-IWF's store thread: signing (ECDSA) and sending happen on the notifier's own thread.
        if (signer.getQueue().size() + lanes.waiting() >= MAX_QUEUED) {
            stats.count("notification-overflow");
            LOG.warn("T8: delivery report for {} not sent now: {} reports are waiting (it stays pending for the next start)",
                    t.trigger(), MAX_QUEUED);
            inFlight.remove(flightKey(t));
            return;
        }
        try {
            signer.execute(() -> {
                byte[] body = Json.write(new DeliveryReportNotification(api.self(t), t.deliveryResult()));
                send(t, body, signature(t, t.deliveryResult(), body), 0);
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            stats.count("notification-deferred");
            LOG.info("T8: delivery report for {} left pending: the SCEF is stopping", t.trigger());
            inFlight.remove(flightKey(t));
        }
    }

    private static String flightKey(Transaction t) {
        return TransactionCodec.key(t) + "#" + t.trigger() + "#" + t.deliveryResult();
    }

    /** The report of {@code t} is done with (sent, refused or given up): clear its pending mark. */
    private void finished(Transaction t) {
        inFlight.remove(flightKey(t));
        transactions.reported(t);
    }

    /** Stops signing and sending; reports not yet sent are lost (the SCS/AS can still GET the transaction). */
    void close() {
        signer.shutdownNow();
    }

    private void send(Transaction t, byte[] body, String signature, int attempt) {
        URI destination = t.content().notificationDestination();
        HttpRequest request = HttpRequest.newBuilder(destination)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header(SIGNATURE_HEADER, signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        lanes.submit(destination.getScheme() + "://" + destination.getAuthority(), done ->
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                    done.run();
                    if (failure == null && response.statusCode() / 100 == 2) {
                        stats.count("notification-sent");
                        finished(t);
                        return;
                    }
                    String why = failure != null ? failure.toString() : "HTTP " + response.statusCode();
                    if (failure == null && !worthRetrying(response.statusCode())) {
                        stats.count("notification-refused");
                        LOG.warn("T8: delivery report to {} refused with {}: not sent again", destination, why);
                        finished(t);
                    } else if (attempt + 1 < RETRY_SECONDS.length) {
                        try {
                            signer.schedule(() -> send(t, body, signature(t, t.deliveryResult(), body), attempt + 1),
                                    RETRY_SECONDS[attempt + 1], TimeUnit.SECONDS);
                            stats.count("notification-retry");
                        } catch (java.util.concurrent.RejectedExecutionException stopping) {
                            stats.count("notification-deferred");
                            inFlight.remove(flightKey(t));
                        }
                    } else {
                        stats.count("notification-failed");
                        LOG.warn("T8: delivery report to {} failed {} times, last: {}; given up", destination,
                                RETRY_SECONDS.length, why);
                        finished(t);
                    }
                }));
    }

    /** Worth trying again: the receiver was busy or failed, not the request. */
    private static boolean worthRetrying(int status) {
        return status == 408 || status == 429 || status / 100 == 5;
    }

    private String signature(Transaction t, String result, byte[] body) {
        Date now = Date.from(clock.instant());
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(t.scsAsId())
                .issueTime(now)
                .expirationTime(Date.from(clock.instant().plus(SIGNATURE_LIFETIME)))
                .jwtID(HexFormat.of().formatHex(AccessTokens.randomBytes(16)))
                .claim("transaction", api.self(t))
                .claim("result", result)
                .claim("body_sha256", sha256(body))
                .build();
        return tokens.sign(claims, new JOSEObjectType("notification+jwt"));
    }

    static String sha256(byte[] body) {
        try {
            return Base64URL.encode(MessageDigest.getInstance("SHA-256").digest(body)).toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
