package org.mtcgate.core.role;

import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubmissionResult;
import org.mtcgate.filter.trigger.TriggerSubmitter;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/**
 * UEs that take GBA-Push-protected triggers only ({@code mtc-iwf.require-gba-push}): a trigger for one of them whose
 * payload does not start with the GPI envelope is refused with NOTAUTHORIZED before it reaches the SMS-SC, so an SCS
 * cannot fall back to plain triggers for devices that expect protection (issue 15). Wraps the node's
 * {@link TriggerSubmitter}; the envelope is told by a marker check ({@code recognises}, the envelope codec's), so
 * the filter engine knows nothing of GBA. Recalls pass through.
 */
final class ProtectedTriggerRequirement implements TriggerSubmitter {
    private final TriggerSubmitter next;
    private final Predicate<byte[]> recognises;
    private final Set<String> externalIdDomains;
    private final Set<String> imsis;
    private final String envelopeName;

    /**
     * @param externalIdDomains External-Identifier domains (lower case) whose UEs require protection
     * @param imsis             IMSIs that require protection
     */
    ProtectedTriggerRequirement(TriggerSubmitter next, Predicate<byte[]> recognises, String envelopeName,
                                Set<String> externalIdDomains, Set<String> imsis) {
        this.next = next;
        this.recognises = recognises;
        this.envelopeName = envelopeName;
        this.externalIdDomains = Set.copyOf(externalIdDomains);
        this.imsis = Set.copyOf(imsis);
    }

    @Override
    public CompletionStage<SubmissionResult> submit(DeviceTrigger trigger) {
        return refusal(trigger).map(CompletableFuture::completedFuture).orElseGet(() -> next.submit(trigger).toCompletableFuture());
    }

    @Override
    public CompletionStage<SubmissionResult> recall(DeviceTrigger pending) {
        return next.recall(pending);
    }

    @Override
    public CompletionStage<SubmissionResult> replace(DeviceTrigger original, DeviceTrigger replacement) {
        return refusal(replacement).map(CompletableFuture::completedFuture)
                .orElseGet(() -> next.replace(original, replacement).toCompletableFuture());
    }

    private java.util.Optional<SubmissionResult> refusal(DeviceTrigger t) {
        if (!requires(t) || recognises.test(t.payload())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(SubmissionResult.refused(RequestStatus.NOTAUTHORIZED, "UE " + t.ue()
                + " takes GBA Push protected triggers only (mtc-iwf.require-gba-push); the payload has no " + envelopeName
                + " GPI envelope"));
    }

    private boolean requires(DeviceTrigger t) {
        if (imsis.contains(t.subscriber().imsi().digits())) {
            return true;
        }
        return t.ue().externalId() != null && externalIdDomains.contains(t.ue().externalId().domain().toLowerCase(Locale.ROOT));
    }
}
