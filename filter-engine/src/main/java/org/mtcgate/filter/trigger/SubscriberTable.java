package org.mtcgate.filter.trigger;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The embedded subscriber store: an immutable table of subscriptions, indexed by IMSI, MSISDN and
 * External-Identifier, answering as an HSS would on S6m (unknown UE: INVEXTID; SCS not allowed: NOTAUTHORIZED).
 */
public final class SubscriberTable implements SubscriberDirectory {
    private final Map<String, Subscriber> byImsi;
    private final Map<String, Subscriber> byMsisdn;
    private final Map<String, Subscriber> byExternalId;

    public SubscriberTable(Collection<Subscriber> subscribers) {
        Map<String, Subscriber> imsi = new HashMap<>();
        Map<String, Subscriber> msisdn = new HashMap<>();
        Map<String, Subscriber> ext = new HashMap<>();
        for (Subscriber s : subscribers) {
            if (imsi.put(s.imsi().digits(), s) != null) {
                throw new IllegalArgumentException("IMSI " + s.imsi().masked() + " is listed twice");
            }
            if (s.msisdn() != null && msisdn.put(s.msisdn().digits(), s) != null) {
                throw new IllegalArgumentException("MSISDN " + s.msisdn() + " is listed twice");
            }
            for (ExternalId id : s.externalIds()) {
                if (ext.put(id.value(), s) != null) {
                    throw new IllegalArgumentException("External-Identifier " + id + " is listed twice");
                }
            }
        }
        this.byImsi = Map.copyOf(imsi);
        this.byMsisdn = Map.copyOf(msisdn);
        this.byExternalId = Map.copyOf(ext);
    }

    public Optional<Subscriber> byImsi(Imsi imsi) {
        return Optional.ofNullable(byImsi.get(imsi.digits()));
    }

    public Optional<Subscriber> byMsisdn(Msisdn msisdn) {
        return Optional.ofNullable(byMsisdn.get(msisdn.digits()));
    }

    public Optional<Subscriber> byExternalId(ExternalId id) {
        return Optional.ofNullable(byExternalId.get(id.value()));
    }

    public int size() {
        return byImsi.size();
    }

    /** Every subscription, in no particular order. */
    public Collection<Subscriber> all() {
        return byImsi.values();
    }

    /** Resolves the UE; when both names are given they must name the same subscription. */
    public SubscriberLookup resolve(UeName ue, String scsIdentity) {
        Subscriber byExt = ue.externalId() == null ? null : byExternalId.get(ue.externalId().value());
        Subscriber byNumber = ue.msisdn() == null ? null : byMsisdn.get(ue.msisdn().digits());
        if ((ue.externalId() != null && byExt == null) || (ue.msisdn() != null && byNumber == null)) {
            return SubscriberLookup.refused(RequestStatus.INVEXTID, "no subscription for " + ue);
        }
        Subscriber s = byExt != null ? byExt : byNumber;
        if (byExt != null && byNumber != null && byExt != byNumber) {
            return SubscriberLookup.refused(RequestStatus.INVEXTID, "External-Identifier and MSISDN name different subscriptions");
        }
        if (!s.mayBeTriggeredBy(scsIdentity)) {
            return SubscriberLookup.refused(RequestStatus.NOTAUTHORIZED, "the subscription of " + ue
                    + " does not allow triggers from " + scsIdentity);
        }
        return SubscriberLookup.found(s.info());
    }

    @Override
    public CompletionStage<SubscriberLookup> lookup(UeName ue, String scsIdentity) {
        return CompletableFuture.completedFuture(resolve(ue, scsIdentity));
    }
}
