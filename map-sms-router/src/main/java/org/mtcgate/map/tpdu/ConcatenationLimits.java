package org.mtcgate.map.tpdu;

import java.time.Duration;

/**
 * Bounds of the concatenation tracking in the router and the MO path: at most 100,000 messages remembered
 * (about 100 bytes each, so about 10 MB at worst), each for 60 s after its last part. TS 23.040 sets no
 * reassembly timer; 60 s covers an SMSC sending the parts one dialog after another.
 */
public final class ConcatenationLimits {
    public static final int MAX_MESSAGES = 100_000;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ConcatenationLimits() {
    }
}
