package org.mtcgate.diameter.peer;

/**
 * Told about requests refused with 3004 DIAMETER_TOO_BUSY, for the audit. A flood would otherwise make one
 * record per refused request, so the calls are aggregated per peer: the first refusal of an episode at once,
 * then at most one call a second with the refusals since the previous call, and the rest of the count when
 * the peer is admitted again. Called on the thread that refused (an event loop): do not block.
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
