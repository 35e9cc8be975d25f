package org.mtcgate.t8;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * At most {@code max} notifications in flight to one destination (scheme, host and port); the rest wait their turn in
 * order. Without it, a burst of delivery reports opened a connection (and a TLS handshake) each towards one SCS/AS,
 * which refused them, and one slow SCS/AS could take every connection the notifier had.
 */
final class DestinationLanes {
    private static final class Lane {
        int running;
        final ArrayDeque<Consumer<Runnable>> waiting = new ArrayDeque<>();
    }

    private final int max;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

    DestinationLanes(int max) {
        this.max = max;
    }

    /** Runs {@code task} now or when a slot to {@code destination} frees; the task calls the given Runnable when done. */
    void submit(String destination, Consumer<Runnable> task) {
        Lane lane = lanes.computeIfAbsent(destination, d -> new Lane());
        synchronized (lane) {
            if (lane.running >= max) {
                lane.waiting.add(task);
                return;
            }
            lane.running++;
        }
        start(lane, task);
    }

    /** Notifications waiting for a slot, over every destination. */
    int waiting() {
        int n = 0;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                n += lane.waiting.size();
            }
        }
        return n;
    }

    private void start(Lane lane, Consumer<Runnable> task) {
        task.accept(() -> {
            Consumer<Runnable> next;
            synchronized (lane) {
                next = lane.waiting.poll();
                if (next == null) {
                    lane.running--;
                    return;
                }
            }
            start(lane, next);
        });
    }
}
