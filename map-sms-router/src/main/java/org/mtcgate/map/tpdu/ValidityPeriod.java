package org.mtcgate.map.tpdu;

import java.util.Arrays;

/**
 * TP-VP of SMS-SUBMIT (TS 23.040 9.2.3.12); its format is given by TP-VPF in bits 4-3 of the first octet:
 * 00 absent, 10 relative (one octet), 01 enhanced (seven octets), 11 absolute (seven octets, TP-SCTS layout).
 */
public sealed interface ValidityPeriod {
    /** The TP-VPF value (0..3) that announces this format. */
    int format();

    /** TP-VP absent. */
    record None() implements ValidityPeriod {
        @Override
        public int format() {
            return 0;
        }
    }

    /** Relative TP-VP (9.2.3.12.1): one octet, 0..143 five-minute steps, then half hours, days, weeks. */
    record Relative(int octet) implements ValidityPeriod {
        public Relative {
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("relative TP-VP " + octet + " is not one octet");
            }
        }

        @Override
        public int format() {
            return 2;
        }
    }

    /** Enhanced TP-VP (9.2.3.12.3): seven octets, kept as they are. */
    record Enhanced(byte[] octets) implements ValidityPeriod {
        public Enhanced {
            if (octets.length != 7) {
                throw new IllegalArgumentException("enhanced TP-VP must be 7 octets, got " + octets.length);
            }
            octets = octets.clone();
        }

        @Override
        public byte[] octets() {
            return octets.clone();
        }

        @Override
        public int format() {
            return 1;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Enhanced e && Arrays.equals(octets, e.octets);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(octets);
        }

        @Override
        public String toString() {
            return "Enhanced[" + Hex.of(octets) + "]";
        }
    }

    /** Absolute TP-VP (9.2.3.12.2): a time stamp in TP-SCTS layout. */
    record Absolute(ServiceCentreTimeStamp time) implements ValidityPeriod {
        @Override
        public int format() {
            return 3;
        }
    }
}
