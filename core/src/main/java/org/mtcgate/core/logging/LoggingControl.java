package org.mtcgate.core.logging;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.ConsoleAppender;
import org.apache.logging.log4j.core.appender.RollingFileAppender;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.filter.BurstFilter;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.mtcgate.core.config.LogComponents;
import org.mtcgate.core.config.LoggingSettings;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the node's {@code logging:} section into effect on log4j (levels, console on or off, a rotated file), changes
 * a component's level while the node runs ({@code logging level} on the console), and on close puts back what it
 * found, so a node started again in the same process starts from log4j2.xml.
 */
public final class LoggingControl implements AutoCloseable {
    private static final Logger LOG = LogManager.getLogger(LoggingControl.class);
    /** As log4j2.xml's: an ISO 8601 time with date and offset, so lines from different days and hosts sort. */
    public static final String PATTERN = "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level [%t] %c{1.} %msg%n";
    private static final String FILE_APPENDER = "mtcgate-file";
    /**
     * Library loggers that log4j2.xml routes to their own rate-limited appender instead of the root's: into the file
     * they go as rate-limited (5 lines a second after 20), as on the console.
     */
    private static final List<String> RATE_LIMITED = List.of("org.mobicents", "org.jsmpp");

    private final LoggerContext context;
    private final LoggingSettings settings;
    /** Each logger this touched and the level it had (null: it had no config of its own). */
    private final Map<String, Level> before = new LinkedHashMap<>();
    private final Map<LoggerConfig, List<Appender>> consolesRemoved = new HashMap<>();
    private RollingFileAppender file;

    private LoggingControl(LoggerContext context, LoggingSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    /** Applies {@code settings} to the process's log4j context. */
    public static LoggingControl apply(LoggingSettings settings) {
        LoggingControl control = new LoggingControl((LoggerContext) LogManager.getContext(false), settings);
        control.applyAll();
        return control;
    }

    private synchronized void applyAll() {
        if (settings.rootLevel() != null) {
            setLevel(LogManager.ROOT_LOGGER_NAME, Level.toLevel(settings.rootLevel()));
        }
        settings.components().forEach(this::level);
        Configuration config = context.getConfiguration();
        if (settings.file() != null) {
            LoggingSettings.LogFile f = settings.file();
            String path = f.path().toString();
            file = RollingFileAppender.newBuilder().setName(FILE_APPENDER).withFileName(path).withFilePattern(path + ".%i")
                    .withPolicy(SizeBasedTriggeringPolicy.createPolicy(Long.toString(f.maxBytes())))
                    .withStrategy(DefaultRolloverStrategy.newBuilder().withMax(Integer.toString(f.maxFiles()))
                            .withMin("1").withFileIndex("min").withConfig(config).build())
                    .setLayout(PatternLayout.newBuilder().withPattern(PATTERN).withConfiguration(config).build())
                    .setConfiguration(config).build();
            file.start();
            config.getRootLogger().addAppender(file, null, null);
            for (String name : RATE_LIMITED) {
                LoggerConfig lc = config.getLoggers().get(name);
                if (lc != null && !lc.isAdditive()) {
                    lc.addAppender(file, null, BurstFilter.newBuilder().setLevel(Level.ERROR).setRate(5).setMaxBurst(20).build());
                }
            }
        }
        if (!settings.console()) {
            for (LoggerConfig lc : allLoggers(config)) {
                List<Appender> consoles = lc.getAppenders().values().stream().filter(ConsoleAppender.class::isInstance).toList();
                consoles.forEach(a -> lc.removeAppender(a.getName()));
                if (!consoles.isEmpty()) {
                    consolesRemoved.put(lc, consoles);
                }
            }
        }
        context.updateLoggers();
        if (settings.file() != null) {
            LOG.info("logging to {} (rotated at {} bytes, {} files kept){}", settings.file().path(), settings.file().maxBytes(),
                    settings.file().maxFiles(), settings.console() ? " and standard error" : "");
        }
    }

    /** Sets a component's level now; {@code level} is one of {@link LogComponents#LEVELS}. */
    public synchronized void level(String component, String level) {
        Level l = Level.toLevel(level.toUpperCase(java.util.Locale.ROOT), null);
        if (l == null || LogComponents.level(level) == null) {
            throw new IllegalArgumentException("'" + level + "' is not a level (one of " + String.join(", ", LogComponents.LEVELS) + ")");
        }
        for (String logger : LogComponents.loggersOf(component)) {
            setLevel(logger, l);
        }
        context.updateLoggers();
    }

    /** Sets the level of every logger no component names. */
    public synchronized void rootLevel(String level) {
        setLevel(LogManager.ROOT_LOGGER_NAME, Level.toLevel(level.toUpperCase(java.util.Locale.ROOT)));
        context.updateLoggers();
    }

    private void setLevel(String logger, Level level) {
        Configuration config = context.getConfiguration();
        LoggerConfig existing = config.getLoggers().get(logger);
        LoggerConfig root = config.getRootLogger();
        if (!before.containsKey(logger)) {
            before.put(logger, logger.isEmpty() ? root.getLevel() : existing == null ? null : existing.getLevel());
        }
        if (logger.isEmpty()) {
            root.setLevel(level);
        } else if (existing != null) {
            existing.setLevel(level);
        } else {
            config.addLogger(logger, new LoggerConfig(logger, level, true));
        }
    }

    /** Each component's level as log4j now has it, and where lines go. */
    public synchronized List<String> describe() {
        List<String> out = new ArrayList<>();
        Configuration config = context.getConfiguration();
        out.add(String.format("%-10s %-6s %s", "(root)", config.getRootLogger().getLevel().name().toLowerCase(java.util.Locale.ROOT), "every other logger"));
        for (String c : LogComponents.names()) {
            List<String> loggers = LogComponents.loggersOf(c);
            Level level = context.getLogger(loggers.get(0)).getLevel();
            out.add(String.format("%-10s %-6s %s", c, level.name().toLowerCase(java.util.Locale.ROOT), String.join(", ", loggers)));
        }
        out.add("console (standard error): " + (settings.console() ? "on" : "off"));
        out.add(settings.file() == null ? "file: none" : "file: " + settings.file().path() + ", rotated at "
                + settings.file().maxBytes() + " bytes, " + settings.file().maxFiles() + " kept");
        return out;
    }

    /** Puts back the levels and appenders found at {@link #apply}. */
    @Override
    public synchronized void close() {
        Configuration config = context.getConfiguration();
        before.forEach((logger, level) -> {
            if (logger.isEmpty()) {
                config.getRootLogger().setLevel(level);
            } else if (level == null) {
                config.removeLogger(logger);
            } else {
                LoggerConfig lc = config.getLoggers().get(logger);
                if (lc != null) {
                    lc.setLevel(level);
                }
            }
        });
        before.clear();
        consolesRemoved.forEach((lc, appenders) -> appenders.forEach(a -> lc.addAppender(a, null, null)));
        consolesRemoved.clear();
        if (file != null) {
            for (LoggerConfig lc : allLoggers(config)) {
                lc.removeAppender(FILE_APPENDER);
            }
            context.updateLoggers();
            file.stop();
            file = null;
        }
        context.updateLoggers();
    }

    private static List<LoggerConfig> allLoggers(Configuration config) {
        List<LoggerConfig> all = new ArrayList<>(config.getLoggers().values());
        if (!all.contains(config.getRootLogger())) {
            all.add(config.getRootLogger());
        }
        return all;
    }
}
