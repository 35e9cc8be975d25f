package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.OctetValue;

/** A NAF-specific key, Ks_NAF, Ks_ext_NAF or Ks_int_NAF: the 32 octets of the KDF (TS 33.220 B.3). A secret. */
public final class NafKey extends OctetValue {
    public static final int LENGTH = 32;

    public NafKey(byte[] octets) {
        super(octets, LENGTH, LENGTH, "NAF key");
    }

    @Override
    public String toString() {
        return "NafKey[secret]";
    }
}
