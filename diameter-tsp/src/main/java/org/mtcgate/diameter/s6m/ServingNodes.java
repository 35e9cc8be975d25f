package org.mtcgate.diameter.s6m;

import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.tsp.Tbcd;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Serving-Node / Additional-Serving-Node (TS 29.173, reused by TS 29.336 6.4.8 T4-Data and the TS 29.337
 * 6.2.3 DTR) to and from the text form of {@code SubscriberInfo.servingNodes()}.
 *
 * <p>The domain keeps serving nodes as strings. This class fixes the text form: plain digits (or
 * {@code msc:<digits>}) is an MSC-Number, {@code sgsn:<digits>} an SGSN-Number, {@code mme:<fqdn>} (or any
 * value with a letter in it) an MME-Name. Numbers are E.164 in TBCD (TS 29.173, TS 29.272).
 * The M bit is set (TS 29.173's AVP table, to be confirmed); the dictionary accepts either.
 */
public final class ServingNodes {
    private static final String SGSN = "sgsn:";
    private static final String MSC = "msc:";
    private static final String MME = "mme:";

    private ServingNodes() {
    }

    /** The first node as Serving-Node, the others as Additional-Serving-Node; values that fit no form are skipped. */
    public static List<Avp> toAvps(List<String> nodes) {
        List<Avp> out = new ArrayList<>();
        for (String node : nodes) {
            Avp address = address(node);
            if (address != null) {
                out.add(TgppAvps.tgpp(out.isEmpty() ? AvpCodes.SERVING_NODE : AvpCodes.ADDITIONAL_SERVING_NODE)
                        .grouped(address));
            }
        }
        return out;
    }

    /** The node addresses inside a Serving-Node or Additional-Serving-Node, in text form. */
    public static List<String> fromAvp(Avp servingNode) {
        List<String> out = new ArrayList<>();
        List<Avp> parts;
        try {
            parts = servingNode.groupedAvps();
        } catch (RuntimeException e) {
            throw new DiameterRefusalException(DiameterRefusal.invalid(servingNode, "Serving-Node is not a well-formed grouped AVP"));
        }
        for (Avp a : parts) {
            try {
                switch (a.code()) {
                    case AvpCodes.MSC_NUMBER -> out.add(Tbcd.decode(a.data()));
                    case AvpCodes.SGSN_NUMBER -> out.add(SGSN + Tbcd.decode(a.data()));
                    case AvpCodes.MME_NAME -> out.add(MME + new String(a.data(), StandardCharsets.US_ASCII));
                    default -> {
                        // SGSN-Name, realms, IP-SM-GW...: not needed to route a trigger SM.
                    }
                }
            } catch (IllegalArgumentException e) {
                throw new DiameterRefusalException(DiameterRefusal.invalid(a, "a serving node number is not TBCD"));
            }
        }
        return out;
    }

    private static Avp address(String node) {
        String n = node.trim().toLowerCase(Locale.ROOT);
        try {
            if (n.startsWith(SGSN)) {
                return TgppAvps.tgpp(AvpCodes.SGSN_NUMBER).octets(Tbcd.encode(n.substring(SGSN.length())));
            }
            if (n.startsWith(MME)) {
                return TgppAvps.tgpp(AvpCodes.MME_NAME).utf8(n.substring(MME.length()));
            }
            if (n.startsWith(MSC)) {
                n = n.substring(MSC.length());
            }
            if (n.chars().anyMatch(Character::isLetter)) {
                return TgppAvps.tgpp(AvpCodes.MME_NAME).utf8(n);
            }
            return n.isEmpty() ? null : TgppAvps.tgpp(AvpCodes.MSC_NUMBER).octets(Tbcd.encode(n));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
