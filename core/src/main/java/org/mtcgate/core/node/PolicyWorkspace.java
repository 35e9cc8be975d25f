package org.mtcgate.core.node;

import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.PolicyLoader;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The policy as the console edits it, like a router's running configuration: {@code policy add/remove} change a
 * group's number list in memory and put the result in force at once; {@code write config} saves the changed
 * list files; a reload from disk drops unsaved changes. Only groups with an {@code msisdn-files} list can be
 * edited, so the YAML the operator wrote is never rewritten.
 */
final class PolicyWorkspace {
    private final Path policyFile;
    private final LimiterRegistry limiters;
    /** List file name → its lines, for files changed from the console and not yet written. */
    private final Map<String, List<String>> unsaved = new LinkedHashMap<>();

    PolicyWorkspace(Path policyFile, LimiterRegistry limiters) {
        this.policyFile = policyFile;
        this.limiters = limiters;
    }

    /** Compiles the policy on disk plus unsaved changes. */
    synchronized CompiledPolicy compile() throws ConfigException {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        Path dir = policyFile.toAbsolutePath().getParent();
        Map<String, List<String>> snapshot = Map.copyOf(unsaved);
        ListSource lists = new ListSource() {
            @Override
            public Reader open(String name) throws IOException {
                List<String> lines = snapshot.get(name);
                return lines != null ? new StringReader(String.join("\n", lines) + "\n")
                        : Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
            }

            @Override
            public String describe(String name) {
                return dir.resolve(name).toString();
            }
        };
        CompiledPolicy compiled = new PolicyLoader(limiters, TimeSource.SYSTEM).load(policyFile.toString(), text, lists);
        return compiled;
    }

    /** Forgets unsaved changes (a reload from disk). */
    synchronized void discard() {
        unsaved.clear();
    }

    /** Adds the MSISDN to the group's first list file; returns false when it was listed already. */
    synchronized boolean add(String group, String msisdn) throws ConfigException, IOException {
        String digits = Msisdn.of(msisdn).digits();
        String file = listFileOf(group);
        List<String> lines = lines(file);
        if (lines.stream().anyMatch(l -> l.trim().replace("+", "").equals(digits))) {
            return false;
        }
        lines.add(digits);
        unsaved.put(file, lines);
        return true;
    }

    /** Removes the MSISDN from the group's first list file; returns false when it was not listed. */
    synchronized boolean remove(String group, String msisdn) throws ConfigException, IOException {
        String digits = Msisdn.of(msisdn).digits();
        String file = listFileOf(group);
        List<String> lines = lines(file);
        boolean removed = lines.removeIf(l -> l.trim().replace("+", "").equals(digits));
        if (removed) {
            unsaved.put(file, lines);
        }
        return removed;
    }

    /** Undoes one edit that made the policy fail to compile. */
    synchronized void revert(String group, List<String> before) throws ConfigException {
        unsaved.put(listFileOf(group), new ArrayList<>(before));
    }

    /** Writes every changed list file (through a temporary file, so a crash leaves the old or the new one). */
    synchronized List<Path> write() throws IOException {
        List<Path> written = new ArrayList<>();
        Path dir = policyFile.toAbsolutePath().getParent();
        for (Map.Entry<String, List<String>> e : unsaved.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.writeString(tmp, String.join("\n", e.getValue()) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            written.add(target);
        }
        unsaved.clear();
        return written;
    }

    synchronized boolean hasUnsavedChanges() {
        return !unsaved.isEmpty();
    }

    /** The lines of the group's list as they stand now (unsaved changes included). */
    synchronized List<String> currentLines(String group) throws ConfigException, IOException {
        return new ArrayList<>(lines(listFileOf(group)));
    }

    private List<String> lines(String file) throws IOException {
        List<String> pending = unsaved.get(file);
        if (pending != null) {
            return new ArrayList<>(pending);
        }
        return new ArrayList<>(Files.readAllLines(policyFile.toAbsolutePath().getParent().resolve(file), StandardCharsets.UTF_8));
    }

    private String listFileOf(String group) throws ConfigException {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        YamlNode root = YamlNode.parse(policyFile.toString(), new StringReader(text));
        YamlNode groups = root.mapping(null).get("groups");
        YamlNode g = groups == null ? null : groups.mapping(null).get(group);
        if (g == null) {
            throw root.error("there is no group '" + group + "'");
        }
        YamlNode files = g.mapping(null).get("msisdn-files");
        if (files == null || files.list().isEmpty()) {
            throw g.error("group '" + group + "' has no msisdn-files list to edit; add one to the policy file first");
        }
        return files.list().get(0).requiredText();
    }
}
