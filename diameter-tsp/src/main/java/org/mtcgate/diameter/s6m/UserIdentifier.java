package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.VendorIds;
import org.mtcgate.diameter.tsp.Tbcd;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * User-Identifier (TS 29.336 6.4.2): [User-Name] [MSISDN] [External-Identifier] [LMSI]. User-Name carries the
 * IMSI (TS 23.003 2.2), MSISDN is TBCD-coded (TS 29.329 6.3.2). T4 reuses it in DTR and DRR (TS 29.337 6.2.3, 6.2.5).
 * Any of the three may be absent; {@link #toString()} masks the IMSI.
 */
public record UserIdentifier(Imsi imsi, Msisdn msisdn, ExternalId externalId) {
    public Avp toAvp() {
        List<Avp> parts = new ArrayList<>();
        if (imsi != null) {
            parts.add(Avp.builder(AvpCodes.USER_NAME).mandatory().utf8(imsi.digits()));
        }
        if (msisdn != null) {
            parts.add(TgppAvps.tgpp(AvpCodes.MSISDN).octets(Tbcd.encode(msisdn.digits())));
        }
        if (externalId != null) {
            parts.add(TgppAvps.tgpp(AvpCodes.EXTERNAL_IDENTIFIER).utf8(externalId.value()));
        }
        return TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(parts);
    }

    /**
     * Reads a received User-Identifier; a value that breaks its type is refused with 5004 and the offending AVP.
     *
     * @throws DiameterRefusalException with the refusal to answer
     */
    public static UserIdentifier decode(Avp userIdentifier) {
        List<Avp> parts;
        try {
            parts = userIdentifier.groupedAvps();
        } catch (RuntimeException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(userIdentifier, "User-Identifier is not a well-formed grouped AVP"));
        }
        Imsi imsi = null;
        Avp userName = TgppAvps.child(parts, AvpCodes.USER_NAME, VendorIds.IETF);
        if (userName != null) {
            try {
                imsi = Imsi.of(strictUtf8(userName));
            } catch (IllegalArgumentException e) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(userName, "User-Name is not an IMSI"));
            }
        }
        Msisdn msisdn = null;
        Avp number = TgppAvps.child(parts, AvpCodes.MSISDN);
        if (number != null) {
            try {
                msisdn = Msisdn.of(Tbcd.decode(number.data()));
            } catch (IllegalArgumentException e) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(number, "MSISDN is not a TBCD-coded E.164 number"));
            }
        }
        ExternalId externalId = null;
        Avp ext = TgppAvps.child(parts, AvpCodes.EXTERNAL_IDENTIFIER);
        if (ext != null) {
            try {
                externalId = ExternalId.of(strictUtf8(ext));
            } catch (IllegalArgumentException e) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(ext, "External-Identifier is not local@domain"));
            }
        }
        return new UserIdentifier(imsi, msisdn, externalId);
    }

    /** An example User-Identifier holding an empty {@code code} child, for Failed-AVP of a missing child. */
    public static Avp missingChild(int code, long vendorId) {
        Avp.Builder b = Avp.builder(code).mandatory();
        if (vendorId != VendorIds.IETF) {
            b.vendor(vendorId);
        }
        return TgppAvps.tgpp(AvpCodes.USER_IDENTIFIER).grouped(b.octets(new byte[0]));
    }

    private static String strictUtf8(Avp a) {
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(a.data())).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("not UTF-8");
        }
    }

    @Override
    public String toString() {
        return "User-Identifier[" + (imsi == null ? "" : "IMSI " + imsi.masked() + " ")
                + (msisdn == null ? "" : "MSISDN " + msisdn + " ") + (externalId == null ? "" : externalId) + "]";
    }
}
