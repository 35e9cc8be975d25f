package org.mtcgate.core.cli;

import java.util.List;

/**
 * Subcommands that live outside the node's jar (the lab tools: sim, bench, scs, certs). {@link MtcGate} finds the
 * providers on the class path with {@link java.util.ServiceLoader} and adds their commands, so the node ships
 * without them and a lab gets them by putting the lab jar on the class path.
 */
public interface SubcommandProvider {
    /** picocli command objects (instances of {@code @Command} classes), each added under its own name. */
    List<Object> subcommands();
}
