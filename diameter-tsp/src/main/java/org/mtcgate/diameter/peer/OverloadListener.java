package org.mtcgate.diameter.peer;

/**
 * Told about requests refused with 3004 DIAMETER_TOO_BUSY, for the audit. A flood would otherwise make one
 * record per refused request, so the calls are aggregated per peer: a refusal a second or more after the
 * previous call is reported at once; the ones in between are reported together by the node's flush, once
 * a second. Called on an event loop or the node's timer thread: do not block.
 */
@FunctionalInterface
public interface OverloadListener {
    OverloadListener NONE = (peer, scope, refused, pending, limit) -> { };

    /** Which bound was met. */
    enum Scope { PEER, TOTAL }

    /**
     * @param peer    the authenticated Origin-Host of the peer refused
     * @param scope   the bound it met
     * @param refused requests refused since the previous call for this peer (at least 1)
     * @param pending requests pending under that bound when the last of them was refused
     * @param limit   the bound
     */
    void tooBusy(String peer, Scope scope, long refused, int pending, int limit);
}
