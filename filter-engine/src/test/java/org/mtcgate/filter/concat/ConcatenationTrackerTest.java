package org.mtcgate.filter.concat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.ManualTime;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.Segment;
import org.mtcgate.filter.Verdict;

class ConcatenationTrackerTest {
    private static final Verdict ALLOW = Verdict.allow("default-ordinary", "ordinary");
    private static final Verdict BLOCK = Verdict.block("router-foreign-sim-data-download", "ota", RequestStatus.NOTAUTHORIZED);

    private final ManualTime time = new ManualTime();
    private final ConcatenationTracker tracker = new ConcatenationTracker(3, Duration.ofSeconds(60), time);

    private static InboundItem part(String tpOa, String imsi, int ref, int total, int seq) {
        return InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of("33612000000"),
                        GlobalTitle.of("33612000000"), GlobalTitle.of(tpOa)))
                .targetImsi(Imsi.of(imsi)).segment(new Segment(ref, total, seq)).build();
    }

    @Test
    void aSingleSmKeepsItsVerdict() {
        InboundItem single = InboundItem.builder(Ingress.ROUTER_MT, Originator.named("x")).build();
        assertSame(ALLOW, tracker.screen(single, MessageKind.ORDINARY, ALLOW));
        assertEquals(0, tracker.size());
    }

    @Test
    void afterAProtectedPartEveryOtherPartIsBlocked() {
        InboundItem first = part("4930123456", "262015500000001", 7, 3, 1);
        assertSame(ALLOW, tracker.screen(first, MessageKind.ORDINARY, ALLOW));
        assertSame(BLOCK, tracker.screen(part("4930123456", "262015500000001", 7, 3, 2),
                MessageKind.SIM_DATA_DOWNLOAD, BLOCK));
        Verdict third = tracker.screen(part("4930123456", "262015500000001", 7, 3, 3), MessageKind.ORDINARY, ALLOW);
        assertFalse(third.allowed());
        assertEquals(ConcatenationTracker.RULE, third.ruleId());
        assertTrue(third.reason().contains("router-foreign-sim-data-download"), third.reason());
        assertTrue(third.reason().contains("1 earlier part"), third.reason());
        Verdict resent = tracker.screen(part("4930123456", "262015500000001", 7, 3, 2), MessageKind.ORDINARY, ALLOW);
        assertEquals(ConcatenationTracker.RULE, resent.ruleId(), "the protected part sent again without its marker");
    }

    @Test
    void otherMessagesAreNotTouched() {
        tracker.screen(part("4930123456", "262015500000001", 7, 3, 1), MessageKind.SIM_DATA_DOWNLOAD, BLOCK);
        assertSame(ALLOW, tracker.screen(part("4930123456", "262015500000001", 8, 3, 2), MessageKind.ORDINARY, ALLOW),
                "another reference");
        assertSame(ALLOW, tracker.screen(part("4930123456", "262015500000001", 7, 4, 2), MessageKind.ORDINARY, ALLOW),
                "another total");
        assertSame(ALLOW, tracker.screen(part("4930999999", "262015500000001", 7, 3, 2), MessageKind.ORDINARY, ALLOW),
                "another originator");
        assertSame(ALLOW, tracker.screen(part("4930123456", "262015500000002", 7, 3, 2), MessageKind.ORDINARY, ALLOW),
                "another UE");
    }

    @Test
    void aBlockForAnOrdinaryReasonDoesNotMarkTheMessage() {
        Verdict rate = Verdict.block("rate", "rate", RequestStatus.RATEEXCEEDED);
        tracker.screen(part("4930123456", "262015500000001", 1, 2, 1), MessageKind.ORDINARY, rate);
        assertSame(ALLOW, tracker.screen(part("4930123456", "262015500000001", 1, 2, 2), MessageKind.ORDINARY, ALLOW));
    }

    @Test
    void marksExpireAfterTheTimeout() {
        tracker.screen(part("4930123456", "262015500000001", 7, 2, 1), MessageKind.SIM_DATA_DOWNLOAD, BLOCK);
        time.advanceMillis(59_000);
        assertFalse(tracker.screen(part("4930123456", "262015500000001", 7, 2, 2), MessageKind.ORDINARY, ALLOW).allowed());
        time.advanceMillis(60_001);
        assertSame(ALLOW, tracker.screen(part("4930123456", "262015500000001", 7, 2, 2), MessageKind.ORDINARY, ALLOW));
    }

    @Test
    void aMessageWhosePartsAllPassedIsForgotten() {
        tracker.screen(part("4930123456", "262015500000001", 9, 2, 1), MessageKind.ORDINARY, ALLOW);
        assertEquals(1, tracker.size());
        tracker.screen(part("4930123456", "262015500000001", 9, 2, 2), MessageKind.ORDINARY, ALLOW);
        assertEquals(0, tracker.size());
    }

    @Test
    void memoryIsBounded() {
        for (int ref = 0; ref < 100; ref++) {
            tracker.screen(part("4930123456", "262015500000001", ref, 2, 1), MessageKind.ORDINARY, ALLOW);
        }
        assertEquals(3, tracker.size());
    }
}
