package org.mtcgate.gba.aka;

import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Ck;
import org.mtcgate.gba.Ik;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.Res;

/** A UMTS authentication vector, the quintet RAND, XRES, CK, IK, AUTN (TS 33.102 6.3.2). */
public record AuthenticationVector(Rand rand, Res xres, Ck ck, Ik ik, Autn autn) {
    public AuthenticationVector {
        if (rand == null || xres == null || ck == null || ik == null || autn == null) {
            throw new IllegalArgumentException("a vector has all five parts");
        }
    }

    /** RAND and AUTN only: XRES, CK and IK are secrets. */
    @Override
    public String toString() {
        return "AuthenticationVector[rand=" + rand + ", autn=" + autn + "]";
    }
}
