package org.mtcgate.core.logging;

import org.mtcgate.core.config.LogComponents;
import org.mtcgate.core.console.ArgumentHint;
import org.mtcgate.core.console.ConsoleCommand;
import org.mtcgate.core.console.ConsoleCommands;
import org.mtcgate.core.console.ConsoleException;
import org.mtcgate.core.console.ConsoleSession;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The console's {@code show logging} and {@code logging level <component> <level>} (audited; lasts until the node stops). */
public final class LoggingCommands {
    private final LoggingControl logging;

    public LoggingCommands(LoggingControl logging) {
        this.logging = logging;
    }

    public void registerAll(ConsoleCommands c) {
        c.register(ConsoleCommand.of("show logging", "the level of each logging component, the console and the log file",
                (s, args) -> logging.describe().forEach(s::println)));
        c.register(ConsoleCommand.of("logging level", "set a component's log level until the node stops: logging level <component> <level>",
                this::level).changingState().withArguments(ArgumentHint.of("<component> <level>", LoggingCommands::candidates)));
    }

    private static List<String> candidates() {
        List<String> all = new ArrayList<>(LogComponents.names());
        all.add("root");
        return all;
    }

    private void level(ConsoleSession s, List<String> args) throws ConsoleException {
        if (args.size() != 2) {
            throw new ConsoleException("usage: logging level <component> <level>; components " + String.join(", ", candidates())
                    + "; levels " + String.join(", ", LogComponents.LEVELS));
        }
        String component = args.get(0).toLowerCase(Locale.ROOT);
        String level = LogComponents.level(args.get(1));
        if (level == null) {
            throw new ConsoleException("'" + args.get(1) + "' is not a level (one of " + String.join(", ", LogComponents.LEVELS) + ")");
        }
        if (component.equals("root")) {
            logging.rootLevel(level);
        } else if (LogComponents.isComponent(component)) {
            logging.level(component, level);
        } else {
            throw new ConsoleException("no component '" + args.get(0) + "' (one of " + String.join(", ", candidates()) + ")");
        }
        s.println(component + " logs at " + level + " now (until the node stops; the config's logging section is unchanged)");
    }
}
