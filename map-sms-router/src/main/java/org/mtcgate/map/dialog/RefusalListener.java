package org.mtcgate.map.dialog;

/**
 * Where the {@link IncomingDialogGate} reports each refusal (audit, metrics). Called on jSS7's M3UA delivery
 * threads, after the answer has been sent: implementations must be quick and must not block for long.
 */
@FunctionalInterface
public interface RefusalListener {
    void refused(Refusal refusal);
}
