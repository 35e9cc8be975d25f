package org.mtcgate.core.console;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What a command takes after its words: a syntax shown in help ({@code <peer-name>}) and, optionally, the values
 * that tab completion offers (asked for at each completion, so they follow the node's state).
 */
public record ArgumentHint(String syntax, Supplier<? extends Collection<String>> candidates) {
    /** A command that takes no arguments. */
    public static final ArgumentHint NONE = new ArgumentHint("", List::of);

    public ArgumentHint {
        Objects.requireNonNull(syntax, "syntax");
        Objects.requireNonNull(candidates, "candidates");
    }

    /** Arguments shown in help but not completed. */
    public static ArgumentHint of(String syntax) {
        return new ArgumentHint(syntax, List::of);
    }

    /** Arguments completed from the given values. */
    public static ArgumentHint of(String syntax, Supplier<? extends Collection<String>> candidates) {
        return new ArgumentHint(syntax, candidates);
    }

    public boolean takesArguments() {
        return !syntax.isEmpty();
    }
}
