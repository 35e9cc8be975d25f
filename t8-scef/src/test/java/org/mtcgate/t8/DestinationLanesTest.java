package org.mtcgate.t8;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Notifications to one destination wait for a free slot, in order; other destinations are not held up. */
class DestinationLanesTest {
    @Test
    void atMostMaxInFlightPerDestination() {
        DestinationLanes lanes = new DestinationLanes(2);
        List<String> started = new ArrayList<>();
        List<Runnable> running = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "a" + i;
            lanes.submit("https://a:1", done -> { started.add(name); running.add(done); });
        }
        lanes.submit("https://b:1", done -> { started.add("b1"); running.add(done); });
        assertEquals(List.of("a1", "a2", "b1"), started);
        assertEquals(2, lanes.waiting());
        running.get(0).run();
        assertEquals(List.of("a1", "a2", "b1", "a3"), started);
        running.get(1).run();
        running.get(3).run();
        assertEquals(List.of("a1", "a2", "b1", "a3", "a4"), started);
        assertEquals(0, lanes.waiting());
    }
}
