package org.mtcgate.gba.bootstrap;

import org.mtcgate.gba.Rand;

import java.util.Base64;

/**
 * B-TID, the bootstrapping transaction identifier: base64(RAND) "@" the BSF server name (TS 33.220 4.5.2, as
 * the project's facts state it; base64 per RFC 4648 with padding, which is this profile's reading, PROFILE.md).
 */
public record Btid(String value) {
    public Btid {
        if (value == null || value.indexOf('@') < 1 || value.endsWith("@")) {
            throw new IllegalArgumentException("a B-TID is base64(RAND)@BSF-server-name");
        }
    }

    public static Btid of(Rand rand, String bsfServerName) {
        return new Btid(Base64.getEncoder().encodeToString(rand.octets()) + "@" + bsfServerName);
    }

    @Override
    public String toString() {
        return value;
    }
}
