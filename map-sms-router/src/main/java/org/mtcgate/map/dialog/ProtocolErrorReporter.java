package org.mtcgate.map.dialog;

/** Where a handler counts and reports the protocol errors of the dialogs it serves. */
@FunctionalInterface
public interface ProtocolErrorReporter {
    void report(ProtocolError error, String detail);
}
