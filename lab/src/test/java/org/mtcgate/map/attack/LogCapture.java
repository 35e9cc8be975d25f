package org.mtcgate.map.attack;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

/** Counts what reaches the log (root logger, as configured) while attached: lines and stack traces. */
final class LogCapture extends AbstractAppender implements AutoCloseable {
    private final AtomicLong lines = new AtomicLong();
    private final AtomicLong stackTraces = new AtomicLong();
    private final AtomicLong warnings = new AtomicLong();
    private final AtomicLong listenerFailures = new AtomicLong();

    private LogCapture() {
        super("attack-log-capture", null, null, true, Property.EMPTY_ARRAY);
    }

    static LogCapture attach() {
        LogCapture capture = new LogCapture();
        capture.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration config = context.getConfiguration();
        for (LoggerConfig logger : config.getLoggers().values()) {
            if (!logger.isAdditive() && logger != config.getRootLogger()) {
                logger.addAppender(capture, null, null); // what does not reach the root
            }
        }
        config.getRootLogger().addAppender(capture, null, null);
        context.updateLoggers();
        return capture;
    }

    @Override
    public void append(LogEvent event) {
        lines.incrementAndGet();
        if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
            warnings.incrementAndGet();
        }
        if (event.getThrown() != null) {
            stackTraces.incrementAndGet();
        }
        String text = event.getMessage() == null ? "" : event.getMessage().getFormattedMessage();
        if (text.contains("Received exception while delivering") || text.startsWith("map-failure")
                || text.startsWith("tcap-failure")) {
            listenerFailures.incrementAndGet();
        }
    }

    long lines() {
        return lines.get();
    }

    long warnings() {
        return warnings.get();
    }

    /** jSS7 caught an exception a listener threw, or the gate caught one from TCAP or MAP. */
    long listenerFailures() {
        return listenerFailures.get();
    }

    long stackTraces() {
        return stackTraces.get();
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
