package org.mtcgate.diameter.sgd;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.smsc.DeliveryAttempt;
import org.mtcgate.filter.smsc.NodeDelivery;
import org.mtcgate.filter.smsc.ServingNode;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SMS-SC's MT delivery to an MME over SGd (TS 29.338; TS 23.040 with SMS in MME): each SMS-DELIVER TPDU of an
 * SM in its own TFR, one after another, each sent only once the previous one was acknowledged, with TFR-Flags
 * More-Messages-To-Send on all but the last. The SM is delivered only when every segment was; the first segment
 * that fails decides the attempt ({@link TfaResults}).
 *
 * <p>Destination-Host is the MME's Diameter identity (the serving node's address) and Destination-Realm the realm
 * it announced in its CER/CEA, else the one configured for that peer, else this node's own (for a relay agent).
 * Every stage completes normally; its continuations run on a Diameter event loop and never block.
 */
public final class SgdMtDelivery implements NodeDelivery {
    private static final Logger LOG = LogManager.getLogger(SgdMtDelivery.class);

    private final DiameterNode node;
    private final String scAddress;
    private final AtomicLong sessions = new AtomicLong();
    private final long sessionHigh;
    private final LongAdder sent = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder delivered = new LongAdder();

    /**
     * @param scAddress the SMS-SC's E.164 number (SC-Address); the UE sees it as the service centre of the SM
     * @throws IllegalArgumentException when it is not all digits
     */
    public SgdMtDelivery(DiameterNode node, String scAddress, Clock clock) {
        this.node = node;
        if (scAddress == null || !scAddress.matches("[0-9]{1,20}")) {
            throw new IllegalArgumentException("the SC-Address needs E.164 digits, not '" + scAddress + "'");
        }
        this.scAddress = scAddress;
        this.sessionHigh = clock.millis() / 1000;
    }

    /**
     * The SGd path of the SMS-SC on {@code node}: also announces SGd in the node's CER/CEA, without which an MME
     * refuses TFRs (RFC 6733 5.3, 3007). Call it before the node starts.
     */
    public static SgdMtDelivery announcedOn(DiameterNode node, String scAddress, Clock clock) {
        SgdMtDelivery delivery = new SgdMtDelivery(node, scAddress, clock);
        node.supportApplication(ApplicationIds.SGD);
        return delivery;
    }

    @Override
    public CompletionStage<DeliveryAttempt> deliver(Imsi imsi, ServingNode mme, List<byte[]> smsDeliverTpdus) {
        if (mme.kind() != ServingNode.Kind.MME) {
            return done(new DeliveryAttempt(DeliveryAttempt.Result.TEMPORARY, mme + " is not an MME: SGd reaches MMEs only"));
        }
        if (smsDeliverTpdus.isEmpty()) {
            return done(new DeliveryAttempt(DeliveryAttempt.Result.PERMANENT, "no TPDU to send"));
        }
        List<byte[]> tpdus = List.copyOf(smsDeliverTpdus);
        return segment(imsi, mme.address(), tpdus, 0).thenApply(attempt -> {
            if (attempt.result() == DeliveryAttempt.Result.DELIVERED) {
                delivered.increment();
            }
            return attempt;
        });
    }

    private CompletionStage<DeliveryAttempt> segment(Imsi imsi, String mme, List<byte[]> tpdus, int i) {
        boolean more = i < tpdus.size() - 1;
        CompletableFuture<DiameterMessage> answer;
        try {
            DiameterMessage tfr = new MtForwardShortMessageRequest(imsi, scAddress, tpdus.get(i), more)
                    .encode(sessionId(), mme, realmOf(mme));
            sent.increment();
            answer = node.sendRequest(tfr);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return answer.handle((tfa, failure) -> {
            if (failure != null) {
                unanswered.increment();
                return TfaResults.fromFailure(failure);
            }
            answered.increment();
            return TfaResults.classify(tfa);
        }).thenCompose(attempt -> {
            if (attempt.result() == DeliveryAttempt.Result.DELIVERED) {
                return more ? segment(imsi, mme, tpdus, i + 1) : done(attempt);
            }
            String where = tpdus.size() == 1 ? "MME " + mme : "MME " + mme + ", segment " + (i + 1) + " of " + tpdus.size();
            LOG.debug("TFR to {} for {}: {} {}", mme, imsi.masked(), attempt.result(), attempt.detail());
            return done(new DeliveryAttempt(attempt.result(), where + ": " + attempt.detail()));
        });
    }

    private String realmOf(String mme) {
        return node.peerRealm(mme).orElseGet(() -> node.config().peers().stream()
                .filter(p -> p.host().equalsIgnoreCase(mme)).map(PeerConfig::realm).findFirst()
                .orElse(node.config().identity().originRealm()));
    }

    private String sessionId() {
        return node.config().identity().originHost() + ";" + sessionHigh + ";tfr" + sessions.incrementAndGet();
    }

    private static CompletionStage<DeliveryAttempt> done(DeliveryAttempt attempt) {
        return CompletableFuture.completedFuture(attempt);
    }

    /** TFRs sent. */
    public long sentCount() {
        return sent.sum();
    }

    /** TFAs received, whatever they said. */
    public long answeredCount() {
        return answered.sum();
    }

    /** TFRs that got no TFA (timeout, connection lost, no route). */
    public long failedCount() {
        return unanswered.sum();
    }

    /** SMs whose every segment an MME acknowledged. */
    public long deliveredCount() {
        return delivered.sum();
    }

    /** One console line: "SGd: 12 TFR sent, 11 TFA, 1 without answer, 9 SMs delivered". */
    public String statsLine() {
        return String.format("SGd: %,d TFR sent, %,d TFA, %,d without answer, %,d SMs delivered", sentCount(),
                answeredCount(), failedCount(), deliveredCount());
    }
}
