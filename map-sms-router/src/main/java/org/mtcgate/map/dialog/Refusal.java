package org.mtcgate.map.dialog;

import java.util.Objects;

/**
 * A dialog refused before any handler saw it (by the {@link IncomingDialogGate}): what it was, where it came
 * from and why. Everything here was read off the wire except {@code peer}, which is the adjacent signalling point
 * the message arrived from.
 *
 * @param error     the refusal, counted under {@link ProtocolError#counterName()}; its rule is
 *                  {@link ProtocolError#ruleId()}
 * @param peer      the configured peer whose point code sent it, or {@code opc-<n>} for an unknown one
 * @param callingGt the SCCP calling party's GT digits, or null when it had none
 * @param operation the MAP operation code of the first invoke, or -1
 * @param context   the application context (name and version, or the OID as received), or null (MAP v1)
 * @param answer    what was sent back (e.g. "U-ABORT abnormalDialogue")
 * @param reason    why, for an operator
 */
public record Refusal(ProtocolError error, String peer, String callingGt, long operation, String context,
                      String answer, String reason) {
    public Refusal {
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(reason, "reason");
    }

    public String ruleId() {
        return error.ruleId();
    }
}
