package org.mtcgate.filter.smsc;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutcomeDispatchTest {
    @Test
    void outcomesGoToTheSubmittersOwnListenerElseToTheDefault() {
        List<String> heard = new ArrayList<>();
        SmOutcomeListener fallback = (id, o) -> {
            heard.add("default " + id);
            return CompletableFuture.completedFuture(true);
        };
        SmOutcomeListener smpp = (id, o) -> {
            heard.add("smpp " + id);
            return CompletableFuture.completedFuture(true);
        };
        OutcomeDispatch base = new OutcomeDispatch(fallback);
        OutcomeDispatch dispatch = base.with("smpp:", smpp);
        dispatch.onOutcome(new SmId("smpp:tracker", 1), SmOutcome.DELIVERED);
        dispatch.onOutcome(new SmId("scs.example.net", 2), SmOutcome.EXPIRED);
        base.onOutcome(new SmId("smpp:tracker", 3), SmOutcome.DELIVERED);
        assertEquals(List.of("smpp smpp:tracker#1", "default scs.example.net#2", "default smpp:tracker#3"), heard);
        assertThrows(IllegalArgumentException.class, () -> base.with("", smpp));
    }
}
