package org.mtcgate.core.role;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.TriggerSubmitter;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.gba.push.MtcgateEnvelope1;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProtectedTriggerRequirementTest {
    final AtomicInteger submitted = new AtomicInteger();
    final TriggerSubmitter smsc = new TriggerSubmitter() {
        @Override
        public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
            submitted.incrementAndGet();
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }

        @Override
        public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
            submitted.incrementAndGet();
            return CompletableFuture.completedFuture(SubmissionResult.accepted());
        }
    };
    final MtcgateEnvelope1 envelope = new MtcgateEnvelope1();
    final ProtectedTriggerRequirement required = new ProtectedTriggerRequirement(smsc, envelope::recognises, envelope.name(),
            Set.of("meters.test"), Set.of("262015500000009"));

    static DeviceTrigger trigger(String extId, String imsi, byte[] payload) {
        Instant now = Instant.parse("2026-12-03T14:00:00Z");
        return new DeviceTrigger(new TriggerId("scs1", 1), UeName.of(ExternalId.of(extId)),
                new SubscriberInfo(Imsi.of(imsi), null, List.of("491720000200")), payload, 9200, false, now,
                now.plusSeconds(60), TriggerState.ACCEPTED, null);
    }

    SubmissionResult submit(DeviceTrigger t) throws Exception {
        return required.submit(t).toCompletableFuture().get();
    }

    @Test
    void aPlainTriggerForAUeThatRequiresGbaPushIsNotAuthorised() throws Exception {
        SubmissionResult r = submit(trigger("meter-1@Meters.test", "262015500000001", "wake".getBytes()));
        assertEquals(RequestStatus.NOTAUTHORIZED, r.status());
        assertTrue(r.reason().contains("GBA Push protected triggers only") && r.reason().contains("mtcgate-gpi-envelope-1"), r.reason());
        assertEquals(RequestStatus.NOTAUTHORIZED, submit(trigger("x@other.test", "262015500000009", "wake".getBytes())).status(),
                "by IMSI too");
        assertEquals(RequestStatus.NOTAUTHORIZED, required.replace(trigger("meter-1@meters.test", "262015500000001", new byte[] {1}),
                trigger("meter-1@meters.test", "262015500000001", "plain".getBytes())).toCompletableFuture().get().status());
        assertEquals(0, submitted.get(), "nothing reached the SMS-SC");
    }

    @Test
    void aProtectedTriggerOrAnotherUePasses() throws Exception {
        byte[] enveloped = {0x47, 0x50, 0x49, 0x01, 0, 1, 0, 1, 9};
        assertTrue(submit(trigger("meter-1@meters.test", "262015500000001", enveloped)).isAccepted());
        assertTrue(submit(trigger("x@other.test", "262015500000002", "wake".getBytes())).isAccepted());
        assertEquals(2, submitted.get());
    }
}
