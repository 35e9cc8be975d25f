package org.mtcgate.map.stack;

/**
 * A TC-CONTINUE, TC-END or TC-ABORT for one of this node's dialogs that arrived over another link than the peer
 * the dialog was opened with (or came in over): it was not given to TCAP.
 *
 * @param message       TC-CONTINUE, TC-END or TC-ABORT
 * @param transactionId the destination transaction ID it named (this node's local dialog ID)
 * @param arrivedOn     the peer whose association it came over, or "network N" for no configured peer
 * @param expectedPeer  the peer the dialog belongs to
 */
public record RefusedReply(String message, long transactionId, String arrivedOn, String expectedPeer) {
    /** One line for an operator. */
    public String describe() {
        return message + " for dialog " + transactionId + " arrived over " + arrivedOn + "; the dialog is with "
                + expectedPeer;
    }
}
