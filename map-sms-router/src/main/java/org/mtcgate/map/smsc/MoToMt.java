package org.mtcgate.map.smsc;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.RoutingInfo;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmsScResult;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.ValidityPeriod;

/**
 * MO SMs from one UE to another (TS 23.040 3.1): the SMS-SC finds the recipient (SRI-for-SM or the subscriber store)
 * and holds the SM for delivery as an SMS-DELIVER from the sender, with its TP-PID, TP-DCS, user data header and
 * user data as submitted. The MO-ForwardSM is answered only once the SM is stored; a destination that is not an
 * E.164 number, an unknown subscriber or a store that refuses fails the stage, so the UE gets SM-DeliveryFailure.
 *
 * <p>Validity: TP-VP in relative format as the UE asked (TS 23.040 9.2.3.12.1), at most {@code maxValidity}; any
 * other format, or none, gets {@code defaultValidity}.
 */
public final class MoToMt implements MoSmSink {
    private final RoutingInfo routing;
    private final Function<HeldSm, CompletionStage<SmsScResult>> smsc;
    private final Clock clock;
    private final Duration defaultValidity;
    private final Duration maxValidity;
    /** Names the held SMs "mo" + a number seeded from the start time, so a restart never reuses one. */
    private final AtomicLong next;
    private final LongAdder taken = new LongAdder();
    private final LongAdder refused = new LongAdder();

    public MoToMt(RoutingInfo routing, Function<HeldSm, CompletionStage<SmsScResult>> smsc, Clock clock,
                  Duration defaultValidity, Duration maxValidity) {
        this.routing = routing;
        this.smsc = smsc;
        this.clock = clock;
        this.defaultValidity = defaultValidity;
        this.maxValidity = maxValidity;
        this.next = new AtomicLong(clock.millis() * 1_000);
    }

    @Override
    public CompletionStage<Void> accept(MoShortMessage mo) {
        SmsSubmit submit = mo.submit();
        SmsAddress to = submit.destinationAddress();
        Msisdn msisdn;
        try {
            if (to.typeOfNumber() == SmsAddress.TON_ALPHANUMERIC) {
                throw new IllegalArgumentException("alphanumeric");
            }
            msisdn = Msisdn.of(to.value());
        } catch (IllegalArgumentException e) {
            refused.increment();
            return CompletableFuture.failedFuture(new IllegalArgumentException("TP-DA " + to.value() + " is not an MSISDN"));
        }
        Instant now = clock.instant();
        Instant expires = now.plus(validity(submit.validityPeriod()));
        ShortMessage sm = new ShortMessage(submit.protocolIdentifier(), submit.dataCodingScheme(), -1, false,
                submit.userData().body(), submit.userData().optionalHeader().map(h -> h.elementBytes()).orElse(null),
                mo.originator().digits());
        SmId id = new SmId("mo", next.getAndIncrement());
        return routing.locate(msisdn).thenCompose(found -> {
            if (found.isEmpty()) {
                throw new IllegalArgumentException("TP-DA " + msisdn + " is not a known subscriber");
            }
            return smsc.apply(HeldSm.held(id, found.get(), sm, now, expires));
        }).thenAccept(result -> {
            if (!result.isAccepted()) {
                throw new IllegalStateException("the SMS-SC did not take it: " + result);
            }
            taken.increment();
        }).whenComplete((v, e) -> {
            if (e != null) {
                refused.increment();
            }
        });
    }

    private Duration validity(ValidityPeriod vp) {
        if (vp instanceof ValidityPeriod.Relative r) {
            Duration asked = relative(r.octet());
            return asked.compareTo(maxValidity) > 0 ? maxValidity : asked;
        }
        return defaultValidity;
    }

    /** TS 23.040 9.2.3.12.1: 0-143 five-minute steps, 144-167 half hours after 12 h, 168-196 days, 197-255 weeks. */
    static Duration relative(int v) {
        if (v <= 143) {
            return Duration.ofMinutes((v + 1) * 5L);
        }
        if (v <= 167) {
            return Duration.ofHours(12).plusMinutes((v - 143) * 30L);
        }
        if (v <= 196) {
            return Duration.ofDays(v - 166L);
        }
        return Duration.ofDays((v - 192) * 7L);
    }

    /** MO SMs stored for delivery. */
    public long takenCount() {
        return taken.sum();
    }

    /** MO SMs the SMS-SC could not route or store (answered with SM-DeliveryFailure). */
    public long refusedCount() {
        return refused.sum();
    }
}
