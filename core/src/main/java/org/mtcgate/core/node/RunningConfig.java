package org.mtcgate.core.node;

import org.mtcgate.core.console.ConsoleSession;
import org.mtcgate.core.policy.PolicyAdministration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code show running-config}: the node config as it was read when the node started (not as the file is now),
 * then the policy in force and the console's unsaved list changes. Password hashes are not shown.
 */
final class RunningConfig {
    /** A password key and its value, in block or flow YAML. */
    private static final Pattern PASSWORD = Pattern.compile(
            "((?:password[\\w-]*)[\"']?\\s*:\\s*)(\"[^\"]*\"|'[^']*'|[^,}\\s]+)", Pattern.CASE_INSENSITIVE);

    private final String source;
    private final String text;
    private final PolicyAdministration policy;

    private RunningConfig(String source, String text, PolicyAdministration policy) {
        this.source = source;
        this.text = text;
        this.policy = policy;
    }

    /** Takes the config text now, at start, so that later edits of the file do not pass for what runs. */
    static RunningConfig snapshot(String configFile, PolicyAdministration policy) {
        String text;
        try {
            text = Files.readString(Path.of(configFile), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            text = "! the config text could not be read at start: " + e.getMessage() + "\n";
        }
        return new RunningConfig(configFile, PASSWORD.matcher(text).replaceAll("$1<hidden>"), policy);
    }

    void print(ConsoleSession s, List<String> args) {
        s.println("! node config " + source + ", as read at start");
        s.out().print(text.endsWith("\n") ? text : text + "\n");
        s.println("! policy in force: digest " + policy.inForce().digest());
        List<String> unsaved = policy.unsavedListFiles();
        s.println(unsaved.isEmpty() ? "! no unsaved console changes"
                : "! unsaved console changes (write config saves them): " + String.join(", ", unsaved));
    }
}
