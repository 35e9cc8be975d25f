package org.mtcgate.diameter.dictionary;

import static org.mtcgate.diameter.dictionary.AvpRule.optional;
import static org.mtcgate.diameter.dictionary.AvpRule.required;

import java.util.Optional;
import org.mtcgate.diameter.codec.Avp;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * Diameter Overload Indication Conveyance (RFC 7683 7): the AVPs, their dictionary entries and builders.
 * Codes and types as in RFC 7683 and Wireshark's dictionary.xml (IETF, Vendor-Id 0; Wireshark marks the M bit
 * "may"). The node sends them without the M bit, so a peer that does not know DOIC ignores them (RFC 7683 7).
 */
public final class DoicAvps {
    public static final int OC_SUPPORTED_FEATURES = 621;
    public static final int OC_FEATURE_VECTOR = 622;
    public static final int OC_OLR = 623;
    public static final int OC_SEQUENCE_NUMBER = 624;
    public static final int OC_VALIDITY_DURATION = 625;
    public static final int OC_REPORT_TYPE = 626;
    public static final int OC_REDUCTION_PERCENTAGE = 627;
    /** RFC 7683 7.3: OLR_DEFAULT_ALGO, the loss algorithm, is bit 0 of OC-Feature-Vector. */
    public static final long OLR_DEFAULT_ALGO = 1L;
    /** RFC 7683 7.6 OC-Report-Type HOST_REPORT: reduce traffic to this host. */
    public static final long HOST_REPORT = 0L;

    private DoicAvps() {
    }

    /** Adds the DOIC AVPs to a dictionary; their grouped values are open (*[AVP]) as RFC 7683 writes them. */
    public static void define(Dictionary.Builder b) {
        b.grouped(OC_SUPPORTED_FEATURES, 0, "OC-Supported-Features", FlagRule.MAY, true,
                        optional(AvpKey.base(OC_FEATURE_VECTOR)))
         .avp(OC_FEATURE_VECTOR, 0, "OC-Feature-Vector", AvpType.UNSIGNED64, FlagRule.MAY)
         .grouped(OC_OLR, 0, "OC-OLR", FlagRule.MAY, true,
                 required(AvpKey.base(OC_SEQUENCE_NUMBER)), required(AvpKey.base(OC_REPORT_TYPE)),
                 optional(AvpKey.base(OC_REDUCTION_PERCENTAGE)), optional(AvpKey.base(OC_VALIDITY_DURATION)))
         .avp(OC_SEQUENCE_NUMBER, 0, "OC-Sequence-Number", AvpType.UNSIGNED64, FlagRule.MAY)
         .avp(OC_VALIDITY_DURATION, 0, "OC-Validity-Duration", AvpType.UNSIGNED32, FlagRule.MAY)
         .enumerated(OC_REPORT_TYPE, 0, "OC-Report-Type", FlagRule.MAY, 0L, 1L)
         .avp(OC_REDUCTION_PERCENTAGE, 0, "OC-Reduction-Percentage", AvpType.UNSIGNED32, FlagRule.MAY);
    }

    /**
     * The OC-Feature-Vector a request advertised in OC-Supported-Features: 0 when the peer did not send
     * OC-Supported-Features, {@code OLR_DEFAULT_ALGO} when it sent one without a vector (RFC 7683 7.2 default).
     */
    public static long advertisedFeatures(DiameterMessage request) {
        Optional<Avp> osf = request.avp(OC_SUPPORTED_FEATURES);
        if (osf.isEmpty()) {
            return 0L;
        }
        try {
            // Already validated, one level, at most a handful of children.
            for (Avp a : osf.get().groupedAvps(16)) {
                if (a.code() == OC_FEATURE_VECTOR && a.vendorId() == 0 && a.dataLength() == 8) {
                    return a.unsigned64();
                }
            }
        } catch (RuntimeException e) {
            return 0L;
        }
        return OLR_DEFAULT_ALGO;
    }

    public static Avp supportedFeatures(long featureVector) {
        return Avp.builder(OC_SUPPORTED_FEATURES).grouped(
                Avp.builder(OC_FEATURE_VECTOR).unsigned64(featureVector));
    }

    /** A host report (RFC 7683 5.5): reduce traffic to this node by {@code reduction} percent for {@code validitySeconds}. */
    public static Avp hostReport(long sequenceNumber, int reduction, long validitySeconds) {
        return Avp.builder(OC_OLR).grouped(
                Avp.builder(OC_SEQUENCE_NUMBER).unsigned64(sequenceNumber),
                Avp.builder(OC_REPORT_TYPE).unsigned32(HOST_REPORT),
                Avp.builder(OC_REDUCTION_PERCENTAGE).unsigned32(reduction),
                Avp.builder(OC_VALIDITY_DURATION).unsigned32(validitySeconds));
    }
}
