package org.mtcgate.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The names an operator gives to parts of the node in {@code logging.components} and {@code logging level}, and
 * the loggers each stands for (the node's packages and the libraries under them). Levels are log4j's.
 */
public final class LogComponents {
    public static final List<String> LEVELS = List.of("off", "error", "warn", "info", "debug", "trace");

    private static final Map<String, List<String>> LOGGERS = loggers();

    private LogComponents() {
    }

    private static Map<String, List<String>> loggers() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("node", List.of("org.mtcgate.core"));
        m.put("diameter", List.of("org.mtcgate.diameter"));
        m.put("map", List.of("org.mtcgate.map"));
        m.put("jss7", List.of("org.mobicents"));
        m.put("smpp", List.of("org.mtcgate.smpp", "org.jsmpp"));
        m.put("t8", List.of("org.mtcgate.t8"));
        m.put("bsf", List.of("org.mtcgate.bsf", "org.mtcgate.gba"));
        m.put("policy", List.of("org.mtcgate.filter", "org.mtcgate.core.policy"));
        m.put("roles", List.of("org.mtcgate.core.role"));
        m.put("store", List.of("org.mtcgate.core.store"));
        m.put("console", List.of("org.mtcgate.core.console", "org.apache.sshd"));
        m.put("metrics", List.of("org.mtcgate.core.metrics", "io.prometheus"));
        m.put("audit", List.of("org.mtcgate.core.audit"));
        m.put("netty", List.of("io.netty"));
        return Map.copyOf(m);
    }

    /** Every component name, sorted. */
    public static List<String> names() {
        return LOGGERS.keySet().stream().sorted().toList();
    }

    public static boolean isComponent(String name) {
        return LOGGERS.containsKey(name);
    }

    /** The loggers of a component. */
    public static List<String> loggersOf(String component) {
        List<String> l = LOGGERS.get(component);
        if (l == null) {
            throw new IllegalArgumentException("no component '" + component + "' (one of " + String.join(", ", names()) + ")");
        }
        return l;
    }

    /** A level name in lower case, or null when it is none of {@link #LEVELS}. */
    public static String level(String text) {
        String l = text.toLowerCase(Locale.ROOT);
        return Set.copyOf(LEVELS).contains(l) ? l : null;
    }
}
