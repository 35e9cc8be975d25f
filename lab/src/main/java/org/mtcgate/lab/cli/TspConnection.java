package org.mtcgate.lab.cli;

import org.mtcgate.diameter.peer.PeerFailure;
import org.mtcgate.diameter.tsp.ScsClient;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Waits for the SCS's Tsp connection and names why it did not come up. A permanent failure ends the wait at once (the
 * caller closes the client, so nothing is retried); transient ones are retried by the Diameter stack until the
 * timeout, then the last one is named.
 */
final class TspConnection {
    private final ScsOptions scs;
    private final AtomicReference<TspFailure> last = new AtomicReference<>();
    private final CompletableFuture<TspFailure> permanent = new CompletableFuture<>();

    TspConnection(ScsOptions scs) {
        this.scs = scs;
    }

    /** The client's failure listener (a Netty thread: only records). */
    void failed(PeerFailure failure) {
        TspFailure f = TspFailure.of(failure, scs);
        last.set(f);
        if (f.permanent()) {
            permanent.complete(f);
        }
    }

    /** Null once connected; else the cause, in one line. */
    String await(ScsClient client) throws InterruptedException {
        CompletableFuture<Object> first = CompletableFuture.anyOf(client.connected(scs.mtcIwfHost), permanent);
        try {
            Object outcome = first.get(scs.timeoutSeconds, TimeUnit.SECONDS);
            return outcome instanceof TspFailure f ? f.text() : null;
        } catch (TimeoutException e) {
            TspFailure f = last.get();
            return f != null ? f.text() + " (tried for " + scs.timeoutSeconds + " s)"
                    : "timeout: no answer within " + scs.timeoutSeconds + " s (no TLS handshake or CEA; is it an MTC-IWF?)";
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        }
    }
}
