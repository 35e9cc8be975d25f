package org.mtcgate.bsf.zn;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.s6m.DiameterRefusal;
import org.mtcgate.diameter.s6m.DiameterRefusalException;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A Zn BIR as the BSF reads it (TS 29.109; gba-facts 5): the B-TID in Transaction-Identifier, the NAF_Id in
 * NAF-Id (FQDN || Ua security protocol id), GBA_U-Awareness-Indicator. Only translates; presence was checked by
 * the dictionary. A value the BSF cannot read is refused with 5004 and the AVP as Failed-AVP.
 *
 * @param gbaUAware whether the NAF said it is GBA_U aware (absent: NO)
 */
public record BootstrappingInfoRequest(Btid btid, NafId nafId, boolean gbaUAware) {
    public static BootstrappingInfoRequest decode(DiameterMessage bir) {
        Avp tid = bir.avp(AvpCodes.TRANSACTION_IDENTIFIER, VendorIds.TGPP).orElseThrow();
        Btid btid;
        try {
            btid = new Btid(utf8(tid));
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(tid, "Transaction-Identifier is no B-TID: " + e.getMessage()));
        }
        Avp naf = bir.avp(AvpCodes.NAF_ID, VendorIds.TGPP).orElseThrow();
        byte[] octets = naf.data();
        if (octets.length <= UaSecurityProtocolId.LENGTH) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(naf,
                    "NAF-Id is an FQDN and a 5-octet Ua security protocol id; got " + octets.length + " octets"));
        }
        NafId nafId;
        try {
            String fqdn = utf8(naf, Arrays.copyOf(octets, octets.length - UaSecurityProtocolId.LENGTH));
            if (!fqdn.matches("[A-Za-z0-9]([A-Za-z0-9-]*)(\\.[A-Za-z0-9]([A-Za-z0-9-]*))*")) {
                throw new IllegalArgumentException("'" + fqdn + "' is not an FQDN");
            }
            nafId = NafId.decode(octets);
        } catch (IllegalArgumentException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(naf, "NAF-Id: " + e.getMessage()));
        }
        boolean aware = false;
        var indicator = bir.avp(AvpCodes.GBA_U_AWARENESS_INDICATOR, VendorIds.TGPP);
        if (indicator.isPresent()) {
            Avp a = indicator.get();
            if (a.dataLength() != 4 || a.integer32() < 0 || a.integer32() > 1) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(a, "GBA_U-Awareness-Indicator is NO (0) or YES (1)"));
            }
            aware = a.integer32() == 1;
        }
        return new BootstrappingInfoRequest(btid, nafId, aware);
    }

    private static String utf8(Avp avp) {
        return utf8(avp, avp.data());
    }

    private static String utf8(Avp avp, byte[] octets) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(octets)).toString();
        } catch (CharacterCodingException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(avp, "not UTF-8 text"));
        }
    }
}
