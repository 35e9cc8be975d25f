package org.mtcgate.core.node;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps every line that reaches the node's log as configured (the root and the loggers that bypass it). */
final class CapturedLog extends AbstractAppender implements AutoCloseable {
    /** One line: level, logger, the formatted message, and whether it carried a stack trace. */
    record Line(Level level, String logger, String message, boolean stackTrace) {
        @Override
        public String toString() {
            return level + " " + logger + " " + message + (stackTrace ? " [with stack trace]" : "");
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        super("node-log-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLog attach() {
        CapturedLog capture = new CapturedLog();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() && logger != config.getRootLogger()) {
                logger.addAppender(capture, null, null);
            }
        }
        config.getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(new Line(event.getLevel(), event.getLoggerName(),
                event.getMessage() == null ? "" : event.getMessage().getFormattedMessage(), event.getThrown() != null));
    }

    /** How many lines so far: a mark to look from. */
    int mark() {
        return lines.size();
    }

    List<Line> since(int mark) {
        return List.copyOf(lines.subList(mark, lines.size()));
    }

    List<Line> all() {
        return List.copyOf(lines);
    }

    static long count(List<Line> lines, Predicate<Line> which) {
        return lines.stream().filter(which).count();
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            logger.removeAppender(getName());
        }
        config.getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
