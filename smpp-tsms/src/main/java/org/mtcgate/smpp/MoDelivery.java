package org.mtcgate.smpp;

import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RawDataCoding;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * MO SMs to SMEs (TS 23.040: the SMS-SC hands an SM addressed to an SME over to it): the SME that owns the TP-DA
 * among its configured addresses gets it as deliver_sm on a receiver or transceiver bind. The MO-ForwardSM is
 * answered only once the SME acknowledged it, so a UE whose SME is not bound, or refuses, is told to retry.
 * deliver_sm waits for its response on a thread of its own, never on the signalling thread that asked.
 */
final class MoDelivery implements AutoCloseable {
    private final List<SmeAccount> smes;
    private final BindRegistry binds;
    private final TsmsCounters counters;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tsms-mo");
        t.setDaemon(true);
        return t;
    });

    MoDelivery(List<SmeAccount> smes, BindRegistry binds, TsmsCounters counters) {
        this.smes = List.copyOf(smes);
        this.binds = binds;
        this.counters = counters;
    }

    /**
     * Delivers {@code mo} to its SME. Completes with false when no SME owns the address; fails when the owner has
     * no receiver bound or does not take it.
     */
    CompletionStage<Boolean> deliver(MobileOriginated mo) {
        Optional<SmeAccount> owner = smes.stream().filter(s -> s.owns(mo.smeAddress())).findFirst();
        if (owner.isEmpty()) {
            return CompletableFuture.completedFuture(false);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        sender.execute(() -> {
            Optional<BoundSme> bound = binds.receiverOf(owner.get().systemId());
            if (bound.isEmpty()) {
                counters.moNotDelivered.increment();
                done.completeExceptionally(new IllegalStateException("SME " + owner.get().systemId() + " has no receiver bound"));
                return;
            }
            try {
                bound.get().session().deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                        mo.ueMsisdn(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, mo.smeAddress(),
                        new ESMClass(mo.udhi() ? 0x40 : 0x00), (byte) mo.protocolId(), (byte) 0, new RegisteredDelivery(0),
                        new RawDataCoding((byte) mo.dataCoding()), mo.userData());
                counters.moDelivered.increment();
                done.complete(true);
            } catch (Exception e) {
                counters.moNotDelivered.increment();
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
