package org.mtcgate.core.config;

import org.mtcgate.bsf.FloodLimits;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.util.Map;
import java.util.Set;

import static org.mtcgate.core.config.ConfigReader.integer;

/**
 * Reads {@code bsf.ub-limits}: {@code per-source}, {@code per-impi}, {@code vectors} as {@code {per-second, burst}}
 * (the policy's rate form), {@code max-tracked}, {@code max-pending-challenges}. Whatever is left out keeps
 * {@link FloodLimits#DEFAULT}'s value.
 */
final class UbLimitsReader {
    private static final Set<String> LIMITS = Set.of("per-source", "per-impi", "vectors", "max-tracked", "max-pending-challenges");
    private static final Set<String> RATE = Set.of("per-second", "burst");

    private UbLimitsReader() {
    }

    static FloodLimits read(YamlNode n) throws ConfigException {
        FloodLimits d = FloodLimits.DEFAULT;
        if (n == null) {
            return d;
        }
        Map<String, YamlNode> m = n.mapping(LIMITS);
        return new FloodLimits(rate(m.get("per-source"), d.perSource()), rate(m.get("per-impi"), d.perImpi()),
                rate(m.get("vectors"), d.vectors()), integer(m, "max-tracked", d.maxTracked(), 1, 10_000_000),
                integer(m, "max-pending-challenges", d.maxPendingChallenges(), 1, 10_000_000));
    }

    private static FloodLimits.Rate rate(YamlNode n, FloodLimits.Rate fallback) throws ConfigException {
        if (n == null) {
            return fallback;
        }
        Map<String, YamlNode> m = n.mapping(RATE);
        double perSecond = fallback.perSecond();
        if (m.containsKey("per-second")) {
            String t = m.get("per-second").requiredText();
            try {
                perSecond = Double.parseDouble(t);
            } catch (NumberFormatException e) {
                throw m.get("per-second").error("'" + t + "' is not a number");
            }
            if (!(perSecond > 0) || perSecond > 1e9) {
                throw m.get("per-second").error("must be above 0 and at most 1e9");
            }
        }
        return new FloodLimits.Rate(perSecond, integer(m, "burst", fallback.burst(), 1, 1_000_000));
    }
}
