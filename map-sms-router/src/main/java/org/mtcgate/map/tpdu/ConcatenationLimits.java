package org.mtcgate.map.tpdu;

import java.time.Duration;

/**
 * Bounds of the concatenation tracking in the router and the MO path: at most 100,000 unfinished messages
 * remembered (roughly 250 bytes each with key strings and map node, so about 25 MB at worst), each for 60 s
 * after its last part; a message all of whose parts passed is forgotten at once. TS 23.040 sets no
 * reassembly timer; 60 s covers an SMSC sending the parts one dialog after another.
 */
public final class ConcatenationLimits {
    public static final int MAX_MESSAGES = 100_000;
    public static final Duration TIMEOUT = Duration.ofSeconds(60);

    private ConcatenationLimits() {
    }
}
