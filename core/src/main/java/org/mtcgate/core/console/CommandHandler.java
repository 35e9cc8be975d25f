package org.mtcgate.core.console;

import java.util.List;

/** What a console command does. It writes to the session's output and refuses bad input with a ConsoleException. */
@FunctionalInterface
public interface CommandHandler {
    /**
     * @param session the operator's session: user, output
     * @param args    the words typed after the command's own words, quotes removed; never null
     */
    void handle(ConsoleSession session, List<String> args) throws ConsoleException;
}
