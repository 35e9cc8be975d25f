package org.mtcgate.diameter.t4;

import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in for the SMS-SC's own engine: records every call and answers with {@link #verdict}. */
final class RecordingEngine implements TriggerSubmitter {
    final List<DeviceTrigger> submitted = new CopyOnWriteArrayList<>();
    final List<DeviceTrigger> recalled = new CopyOnWriteArrayList<>();
    final List<DeviceTrigger[]> replaced = new CopyOnWriteArrayList<>();
    volatile RequestStatus verdict = RequestStatus.SUCCESS;

    private CompletionStage<SubmissionResult> answer() {
        return CompletableFuture.completedFuture(verdict == RequestStatus.SUCCESS ? SubmissionResult.accepted()
                : SubmissionResult.refused(verdict, "engine says " + verdict));
    }

    @Override
    public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
        submitted.add(trigger);
        return answer();
    }

    @Override
    public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
        recalled.add(pending);
        return answer();
    }

    @Override
    public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
        replaced.add(new DeviceTrigger[] {original, replacement});
        return answer();
    }
}
