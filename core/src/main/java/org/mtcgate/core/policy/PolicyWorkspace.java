package org.mtcgate.core.policy;

import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.DigitSet;
import org.mtcgate.filter.policy.ListSource;
import org.mtcgate.filter.policy.NumberLists;
import org.mtcgate.filter.policy.PolicyCompiler;
import org.mtcgate.filter.policy.PolicyReader;
import org.mtcgate.filter.policy.spec.GroupSpec;
import org.mtcgate.filter.policy.spec.NumberList;
import org.mtcgate.filter.policy.spec.PolicyDocument;
import org.mtcgate.filter.policy.spec.PolicySpec;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The policy as the console edits it, like a router's running configuration: {@code policy add/remove} change a
 * group's number list in memory and put the result in force at once; {@code write config} saves the changed
 * list files; a reload from disk drops unsaved changes. Only groups with an {@code msisdn-files} list can be
 * edited, so the YAML the operator wrote is never rewritten.
 *
 * <p>It keeps what it read (the policy's spec) and compiled (each list file's set, the last compiled policy), so
 * that an edit reads and compiles the one list file it changed and keeps every group nothing changed under.
 * Not thread-safe: {@link PolicyAdministration} serialises its use.
 */
final class PolicyWorkspace {
    private final Path policyFile;
    private final PolicyReader reader = new PolicyReader();
    private final PolicyCompiler compiler = new PolicyCompiler();
    private final ListSource disk;
    private final ListFileStamps stamps;
    /** List file name → its lines, for files changed from the console and not yet written. */
    private final Map<String, List<String>> unsaved = new LinkedHashMap<>();
    private PolicySpec spec;
    /** List file name → its compiled set, as in {@link #compiled}. */
    private Map<String, DigitSet> lists = Map.of();
    private CompiledPolicy compiled;

    PolicyWorkspace(Path policyFile) {
        this.policyFile = policyFile;
        this.disk = PolicyReader.listsBeside(policyFile);
        this.stamps = new ListFileStamps(policyFile.toAbsolutePath().getParent(), disk);
    }

    /**
     * Reads and compiles the policy files from disk, dropping unsaved changes; on a refusal the workspace stays
     * as it was. The result has no rate or quota state yet.
     */
    CompiledPolicy loadFromDisk() throws ConfigException {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        Map<String, byte[]> read = new HashMap<>();
        PolicyDocument document = reader.read(policyFile.toString(), text, stamps.reading(read));
        Map<String, DigitSet> compiledLists = NumberLists.compileAll(document.lists());
        CompiledPolicy next = compiler.compile(document.spec(), compiledLists, null);
        stamps.replaceAll(read);
        spec = document.spec();
        lists = compiledLists;
        compiled = next;
        unsaved.clear();
        return next;
    }

    /**
     * Adds the MSISDN to the group's first list file and compiles the result; empty when it was listed already.
     * On a refusal nothing changes.
     */
    Optional<CompiledPolicy> add(String group, String msisdn) throws ConfigException, IOException {
        String digits = Msisdn.of(msisdn).digits();
        String file = listFileOf(group);
        List<String> lines = lines(file);
        if (lines.stream().anyMatch(l -> listed(l, digits))) {
            return Optional.empty();
        }
        lines.add(digits);
        return Optional.of(change(file, lines));
    }

    /** Removes the MSISDN from the group's first list file and compiles the result; empty when it was not listed. */
    Optional<CompiledPolicy> remove(String group, String msisdn) throws ConfigException, IOException {
        String digits = Msisdn.of(msisdn).digits();
        String file = listFileOf(group);
        List<String> lines = lines(file);
        if (!lines.removeIf(l -> listed(l, digits))) {
            return Optional.empty();
        }
        return Optional.of(change(file, lines));
    }

    /**
     * Writes every changed list file (through a temporary file, so a crash leaves the old or the new one). If any
     * of them changed on disk since it was read, none is written: the hand edit would be lost.
     */
    List<Path> write() throws IOException {
        List<Path> conflicts = new ArrayList<>();
        for (String name : unsaved.keySet()) {
            stamps.changed(name).ifPresent(conflicts::add);
        }
        if (!conflicts.isEmpty()) {
            throw new ListFileChangedException(conflicts);
        }
        List<Path> written = new ArrayList<>();
        Path dir = policyFile.toAbsolutePath().getParent();
        for (Map.Entry<String, List<String>> e : unsaved.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            byte[] bytes = (String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            stamps.written(e.getKey(), bytes);
            written.add(target);
        }
        unsaved.clear();
        return written;
    }

    boolean hasUnsavedChanges() {
        return !unsaved.isEmpty();
    }

    List<String> unsavedListFiles() {
        return List.copyOf(unsaved.keySet());
    }

    /** Reads the one changed list file from the new lines and compiles the policy again around it. */
    private CompiledPolicy change(String file, List<String> lines) throws ConfigException {
        List<String> snapshot = List.copyOf(lines);
        NumberList list = reader.readList(file, new ListSource() {
            @Override
            public Reader open(String name) {
                return new StringReader(String.join("\n", snapshot) + "\n");
            }

            @Override
            public String describe(String name) {
                return disk.describe(name);
            }
        });
        Map<String, DigitSet> nextLists = new HashMap<>(lists);
        nextLists.put(file, NumberLists.compile(list));
        CompiledPolicy next = compiler.compile(spec, nextLists, compiled);
        lists = Map.copyOf(nextLists);
        compiled = next;
        unsaved.put(file, snapshot);
        return next;
    }

    private static boolean listed(String line, String digits) {
        return line.trim().replace("+", "").equals(digits);
    }

    /**
     * The lines of the list as they stand now (unsaved changes included). A list file first edited here must still
     * be what was compiled: an edit on top of a hand edit would put the hand edit in force unreviewed.
     */
    private List<String> lines(String file) throws IOException {
        List<String> pending = unsaved.get(file);
        if (pending != null) {
            return new ArrayList<>(pending);
        }
        Optional<Path> changed = stamps.changed(file);
        if (changed.isPresent()) {
            throw new ListFileChangedException(List.of(changed.get()));
        }
        return new ArrayList<>(reader.listLines(file, disk));
    }

    private String listFileOf(String group) throws ConfigException {
        GroupSpec g = spec.groups().get(group);
        if (g == null) {
            throw new ConfigException(spec.source(), 0, "groups", "there is no group '" + group + "'");
        }
        if (g.msisdnFiles().isEmpty()) {
            throw new ConfigException(spec.source(), 0, "groups." + group,
                    "group '" + group + "' has no msisdn-files list to edit; add one to the policy file first");
        }
        return g.msisdnFiles().get(0);
    }
}
