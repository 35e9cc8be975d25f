package org.mtcgate.bsf.zpn;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.AvpData;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.s6m.TgppAvps;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.NafKey;
import org.mtcgate.gba.push.GbaMode;
import org.mtcgate.gba.push.GpiCodec;
import org.mtcgate.gba.push.NafSa;
import org.mtcgate.gba.push.Ptid;
import org.mtcgate.gba.push.PushRejectedException;
import org.mtcgate.gba.push.SealedGpi;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The Push-NAF side of Zpn (TS 29.109; TS 33.223 steps 1-2 and 7-8 of gba-facts 1.2): a GPIR for a UE's private
 * identity over a {@link DiameterNode} connected to the BSF (the caller starts and closes it, having announced
 * {@code ApplicationIds.ZPN}), and from the GPIA the GPI for the UE and the NAF SA to keep: P-TID, RAND read from the
 * GPI's clear part, NAF_Id, Ks_NAF and the key expiry. Never blocks.
 */
public final class ZpnClient {
    private final DiameterNode node;
    private final String bsfRealm;
    private final Optional<String> bsfHost;
    private final GpiCodec codec;

    public ZpnClient(DiameterNode node, String bsfRealm, GpiCodec codec) {
        this(node, bsfRealm, Optional.empty(), codec);
    }

    /** @param bsfHost Destination-Host, for a node whose other peers share the BSF's realm */
    public ZpnClient(DiameterNode node, String bsfRealm, Optional<String> bsfHost, GpiCodec codec) {
        this.node = node;
        this.bsfRealm = bsfRealm;
        this.bsfHost = bsfHost;
        this.codec = codec;
    }

    /** What a GPIR came to. */
    public sealed interface Outcome permits Served, Refused {
    }

    /** The GPI for the UE and the NAF SA for this Push-NAF (its text form leaves the key out). */
    public record Served(byte[] gpi, NafSa sa) implements Outcome {
        @Override
        public String toString() {
            return "Served[" + sa + "]";
        }
    }

    /** The BSF said no, or its answer was unusable: the (Experimental-)Result-Code (0 when none) and why. */
    public record Refused(long code, String reason) implements Outcome {
    }

    /** The GPIR this client sends: UE-Id private, GBA_ME, the IMPI asked back. */
    public DiameterMessage request(Impi impi, NafId naf, Ptid ptid, Instant requestedExpiry) {
        String host = node.config().identity().originHost();
        DiameterMessage.Builder b = DiameterMessage.request(CommandCodes.GBA_PUSH_INFO, ApplicationIds.ZPN, true)
                .avp(BaseAvps.sessionId(host + ";zpn;" + System.nanoTime()))
                .avp(BaseAvps.vendorSpecificAuthApplication(VendorIds.TGPP, ApplicationIds.ZPN))
                .avp(BaseAvps.originHost(host))
                .avp(BaseAvps.originRealm(node.config().identity().originRealm()))
                .avp(BaseAvps.destinationRealm(bsfRealm));
        bsfHost.ifPresent(h -> b.avp(BaseAvps.destinationHost(h)));
        return b
                .avp(TgppAvps.tgpp(AvpCodes.UE_ID).octets(impi.value().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .avp(TgppAvps.tgpp(AvpCodes.UE_ID_TYPE).integer32(0))
                .avp(TgppAvps.tgpp(AvpCodes.NAF_ID).octets(naf.encoded()))
                .avp(TgppAvps.tgpp(AvpCodes.NAF_SA_IDENTIFIER).octets(ptid.octets()))
                .avp(TgppAvps.tgpp(AvpCodes.UICC_ME).integer32(GbaMode.GBA_ME.code()))
                .avp(TgppAvps.tgpp(AvpCodes.REQUESTED_KEY_LIFETIME).time(requestedExpiry))
                .avp(TgppAvps.tgpp(AvpCodes.PRIVATE_IDENTITY_REQUEST).integer32(0))
                .build();
    }

    public CompletionStage<Outcome> gpi(Impi impi, NafId naf, Ptid ptid, Instant requestedExpiry) {
        return node.sendRequest(request(impi, naf, ptid, requestedExpiry)).thenApply(a -> read(a, naf, ptid));
    }

    private Outcome read(DiameterMessage a, NafId naf, Ptid ptid) {
        Optional<Avp> result = a.avp(AvpCodes.RESULT_CODE);
        if (result.isEmpty() || result.get().unsigned32() != 2001) {
            long code = result.map(Avp::unsigned32).orElseGet(() -> a.avp(AvpCodes.EXPERIMENTAL_RESULT)
                    .map(e -> TgppAvps.child(e.groupedAvps(), AvpCodes.EXPERIMENTAL_RESULT_CODE, 0).unsigned32()).orElse(0L));
            return new Refused(code, a.avp(AvpCodes.ERROR_MESSAGE).map(Avp::utf8).orElse(describe(code)));
        }
        Optional<Avp> gpi = a.avp(AvpCodes.GBA_PUSH_INFO, VendorIds.TGPP);
        Optional<Avp> key = a.avp(AvpCodes.ME_KEY_MATERIAL, VendorIds.TGPP);
        Optional<Avp> expiry = a.avp(AvpCodes.KEY_EXPIRY_TIME, VendorIds.TGPP);
        if (gpi.isEmpty() || key.isEmpty() || expiry.isEmpty() || key.get().dataLength() != NafKey.LENGTH
                || expiry.get().dataLength() != 4) {
            return new Refused(2001, "the GPIA lacks GBA-Push-Info, a 32-octet ME-Key-Material or Key-ExpiryTime");
        }
        SealedGpi sealed;
        try {
            sealed = codec.read(gpi.get().data());
        } catch (PushRejectedException e) {
            return new Refused(2001, "the BSF's GPI is not " + codec.name() + ": " + e.getMessage());
        }
        if (!sealed.nafId().equals(naf)) {
            return new Refused(2001, "the BSF's GPI names NAF_Id " + sealed.nafId().fqdn() + ", not the one asked for");
        }
        Impi impi;
        try {
            impi = a.avp(AvpCodes.USER_NAME).map(u -> new Impi(u.utf8())).orElse(null);
        } catch (IllegalArgumentException e) {
            return new Refused(2001, "the GPIA's User-Name is no IMPI: " + e.getMessage());
        }
        return new Served(gpi.get().data(), new NafSa(ptid, sealed.rand(), naf, impi, new NafKey(key.get().data()),
                GbaMode.GBA_ME, AvpData.time(expiry.get().data())));
    }

    static String describe(long code) {
        if (code == ZpnResultCodes.DIAMETER_ERROR_NOT_AUTHORIZED) {
            return "DIAMETER_ERROR_NOT_AUTHORIZED: the BSF does not let this NAF push to the UE";
        }
        if (code == ZpnResultCodes.DIAMETER_ERROR_IDENTITY_UNKNOWN) {
            return "DIAMETER_ERROR_IDENTITY_UNKNOWN: the BSF knows no such UE";
        }
        return "Result-Code " + code;
    }
}
