package org.mtcgate.gba;

/**
 * AMF, the 16-bit authentication management field of AUTN (TS 33.102 6.3.2, Annex F). Its most significant bit
 * is the "separation bit" of TS 33.401 Annex H: set in vectors for E-UTRAN only. A GBA vector is a UMTS AKA vector
 * (TS 33.220 4.5.2), so the Zh profile of this module clears it; see PROFILE.md (the facts files do not cover
 * the bit: this is from memory of TS 33.401, UNVERIFIED).
 */
public final class Amf extends OctetValue {
    public static final int LENGTH = 2;
    /** AMF of a UMTS AKA vector of this profile: separation bit 0, the other bits unused (0). */
    public static final Amf UMTS = new Amf(new byte[2]);
    /** The dummy AMF of all zeros that MAC-S is computed over (TS 33.102 6.3.3). */
    public static final Amf RESYNC = new Amf(new byte[2]);

    public Amf(byte[] octets) {
        super(octets, LENGTH, LENGTH, "AMF");
    }

    public static Amf ofHex(String hex) {
        return new Amf(Hex.decode(hex));
    }

    /** The separation bit: AMF bit 0, the most significant bit of the first octet (TS 33.401 Annex H). */
    public boolean separationBit() {
        return (raw()[0] & 0x80) != 0;
    }
}
