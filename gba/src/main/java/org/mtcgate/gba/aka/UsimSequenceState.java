package org.mtcgate.gba.aka;

import org.mtcgate.gba.Sqn;

import java.util.Arrays;

/** The USIM's record of accepted sequence numbers: SEQ_MS per IND (TS 33.102 C.1.2, C.2.2). Immutable. */
public final class UsimSequenceState {
    private static final UsimSequenceState FRESH = new UsimSequenceState(new long[SqnProfile.IND_VALUES], new Sqn(0));

    private final long[] seqByInd;
    private final Sqn highest;

    private UsimSequenceState(long[] seqByInd, Sqn highest) {
        this.seqByInd = seqByInd;
        this.highest = highest;
    }

    /** A USIM that has accepted nothing yet. */
    public static UsimSequenceState initial() {
        return FRESH;
    }

    /** Whether {@code sqn} is fresh: above SEQ_MS of its IND, at most DELTA above and AGE_LIMIT below the highest SEQ. */
    public boolean accepts(Sqn sqn) {
        long seq = sqn.seq();
        return seq > seqByInd[sqn.ind()] && seq - highest.seq() <= SqnProfile.DELTA
                && highest.seq() - seq <= SqnProfile.AGE_LIMIT;
    }

    /** The state after accepting {@code sqn} (which {@link #accepts} must allow). */
    public UsimSequenceState after(Sqn sqn) {
        if (!accepts(sqn)) {
            throw new IllegalArgumentException(sqn + " is not fresh");
        }
        long[] next = Arrays.copyOf(seqByInd, seqByInd.length);
        next[sqn.ind()] = sqn.seq();
        return new UsimSequenceState(next, sqn.seq() > highest.seq() ? sqn : highest);
    }

    /** SQN_MS: the highest SQN accepted so far, what AUTS carries (TS 33.102 6.3.3). */
    public Sqn highest() {
        return highest;
    }
}
