package org.mtcgate.filter.smsc;

import java.util.Objects;

/**
 * An SM's name at the SMS-SC: who submitted it (an MTC-IWF's SCS namespace, later an SME) and the reference it
 * chose there. Recall and replace name the SM by it; a submitter can only ever reach its own SMs.
 */
public record SmId(String submitter, long reference) {
    public SmId {
        Objects.requireNonNull(submitter, "submitter");
    }

    @Override
    public String toString() {
        return submitter + "#" + reference;
    }
}
