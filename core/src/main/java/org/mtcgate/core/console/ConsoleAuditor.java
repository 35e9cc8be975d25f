package org.mtcgate.core.console;

/**
 * Receives every use of a command that changes state. The node connects this to the audit log
 * ({@code auditLog::console}); it is called on the session's thread after the command has run.
 */
@FunctionalInterface
public interface ConsoleAuditor {
    /** A sink that records nothing, for tests and for nodes without an audit log. */
    ConsoleAuditor NONE = (user, command, outcome) -> { };

    /**
     * @param user    the authenticated user
     * @param command the command line with its words in full ({@code policy reload}) and its arguments
     * @param outcome {@code ok}, {@code error: <message>} or {@code failed: <exception class>}
     */
    void record(String user, String command, String outcome);
}
