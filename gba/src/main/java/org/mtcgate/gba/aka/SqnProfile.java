package org.mtcgate.gba.aka;

import org.mtcgate.gba.Sqn;

/**
 * How SQNs are given out and judged fresh, after TS 33.102 Annex C (SEQ || IND, one SEQ_MS per IND on the USIM).
 * The parameters are this project's choice (PROFILE.md), Annex C itself was not in the facts files:
 * <ul>
 *   <li>HE: SEQ_HE goes up by one for every vector; IND = SEQ mod 32 (the 5 IND bits cycle), so vectors used
 *       out of order by up to 32 are still accepted;</li>
 *   <li>USIM: a SQN is fresh when SEQ &gt; SEQ_MS[IND], SEQ - SEQ_MS_max &lt;= {@link #DELTA} and
 *       SEQ_MS_max - SEQ &lt;= {@link #AGE_LIMIT} (C.2.2 with its optional age limit, so that an old vector is not
 *       taken just because its IND slot is unused);</li>
 *   <li>re-synchronisation: AUTS carries the highest SQN the USIM accepted; the HE sets SEQ_HE to its SEQ
 *       (6.3.5) and the next vector takes SEQ_HE + 1.</li>
 * </ul>
 */
public final class SqnProfile {
    /** How far ahead of the highest accepted SEQ a new SEQ may be (TS 33.102 C.2.2 "delta"). */
    public static final long DELTA = 1L << 28;
    /** How far below the highest accepted SEQ a new SEQ may be (TS 33.102 C.2.2 "L"): eight rounds of IND. */
    public static final long AGE_LIMIT = 256;
    public static final int IND_VALUES = 1 << Sqn.IND_BITS;

    private SqnProfile() {
    }

    /** The SQN of the vector made with SEQ_HE = {@code seq}. */
    public static Sqn forSeq(long seq) {
        return Sqn.of(seq, (int) (seq % IND_VALUES));
    }
}
