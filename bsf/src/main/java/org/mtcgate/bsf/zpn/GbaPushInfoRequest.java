package org.mtcgate.bsf.zpn;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.AvpData;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.push.GbaMode;
import org.mtcgate.gba.push.Gpi;
import org.mtcgate.gba.push.Ptid;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * A Zpn GPIR as the BSF reads it (TS 29.109; gba-facts 2): UE-Id and its type, NAF-Id (FQDN || Ua security protocol
 * id), NAF-SA-Identifier (P-TID), UICC-ME, Requested-Key-Lifetime, UICC-App-Label, Private-Identity-Request. Only
 * translates; presence and enumerated values were checked by the dictionary (5005, 5004). A value the BSF cannot
 * read is refused with 5004 and the AVP as Failed-AVP.
 *
 * @param ueId            the UE-Id as text
 * @param publicId        whether UE-Id-Type said public (1)
 * @param wantsPrivateId  Private-Identity-Request "requested" (0)
 */
public record GbaPushInfoRequest(String ueId, boolean publicId, NafId nafId, Ptid ptid, GbaMode mode,
                                 Instant requestedLifetime, byte[] appLabel, boolean wantsPrivateId) {
    private static final String FQDN = "[A-Za-z0-9]([A-Za-z0-9-]*)(\\.[A-Za-z0-9]([A-Za-z0-9-]*))*";

    public static GbaPushInfoRequest decode(DiameterMessage r) {
        Avp ue = r.avp(AvpCodes.UE_ID, VendorIds.TGPP).orElseThrow();
        String ueId = utf8(ue, ue.data());
        if (ueId.isEmpty()) {
            throw refuse(ue, "UE-Id is empty");
        }
        boolean publicId = r.avp(AvpCodes.UE_ID_TYPE, VendorIds.TGPP).orElseThrow().integer32() == 1;
        Avp naf = r.avp(AvpCodes.NAF_ID, VendorIds.TGPP).orElseThrow();
        Avp pt = r.avp(AvpCodes.NAF_SA_IDENTIFIER, VendorIds.TGPP).orElseThrow();
        Ptid ptid;
        try {
            ptid = new Ptid(pt.data());
        } catch (IllegalArgumentException e) {
            throw refuse(pt, "NAF-SA-Identifier (P-TID): " + e.getMessage());
        }
        Avp uiccMe = r.avp(AvpCodes.UICC_ME, VendorIds.TGPP).orElseThrow();
        GbaMode mode;
        try {
            mode = GbaMode.ofCode(uiccMe.integer32());
        } catch (IllegalArgumentException e) {
            throw refuse(uiccMe, e.getMessage());
        }
        Instant lifetime = AvpData.time(r.avp(AvpCodes.REQUESTED_KEY_LIFETIME, VendorIds.TGPP).orElseThrow().data());
        byte[] label = new byte[0];
        Optional<Avp> l = r.avp(AvpCodes.UICC_APP_LABEL, VendorIds.TGPP);
        if (l.isPresent()) {
            label = l.get().data();
            if (label.length > Gpi.MAX_APP_LABEL) {
                throw refuse(l.get(), "UICC-App-Label is at most " + Gpi.MAX_APP_LABEL + " octets; got " + label.length);
            }
        }
        boolean wantsImpi = r.avp(AvpCodes.PRIVATE_IDENTITY_REQUEST, VendorIds.TGPP).map(a -> a.integer32() == 0).orElse(false);
        return new GbaPushInfoRequest(ueId, publicId, nafId(naf), ptid, mode, lifetime, label, wantsImpi);
    }

    /** The IMPI, when UE-Id is a private identity this BSF can use. */
    public Optional<Impi> impi() {
        if (publicId) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Impi(ueId));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** NAF-Id: FQDN || 5-octet Ua security protocol id (gba-facts 5), the FQDN host-name text. */
    static NafId nafId(Avp naf) {
        byte[] octets = naf.data();
        if (octets.length <= UaSecurityProtocolId.LENGTH) {
            throw refuse(naf, "NAF-Id is an FQDN and a 5-octet Ua security protocol id; got " + octets.length + " octets");
        }
        String fqdn = utf8(naf, Arrays.copyOf(octets, octets.length - UaSecurityProtocolId.LENGTH));
        if (!fqdn.matches(FQDN) || fqdn.length() > 255) {
            throw refuse(naf, "NAF-Id: '" + fqdn + "' is not an FQDN");
        }
        return NafId.decode(octets);
    }

    private static String utf8(Avp avp, byte[] octets) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            throw refuse(avp, "not UTF-8 text");
        }
    }

    private static DiameterRefusalException refuse(Avp avp, String message) {
        return new DiameterRefusalException(DiameterRefusal.invalid(avp, message));
    }
}
