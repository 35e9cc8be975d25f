package org.mtcgate.core.policy;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mtcgate.filter.Explanation;
import org.mtcgate.filter.FilterEngine;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.limit.LimiterStore;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.PolicyInstaller;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The node's policy: the workspace the console edits, the senders' rate and quota state, and the filter engine
 * the policy is in force in. Every change goes read, compile, then install: a policy that is refused while being
 * read changes nothing, neither the policy in force nor any sender's limiter. Changes are serialised.
 */
public final class PolicyAdministration {
    private static final Logger LOG = LogManager.getLogger(PolicyAdministration.class);

    private final Path policyFile;
    private final PolicyWorkspace workspace;
    private final PolicyInstaller installer;
    private final FilterEngine filter;
    private CompiledPolicy inForce;

    private PolicyAdministration(Path policyFile, PolicyWorkspace workspace, PolicyInstaller installer,
                                 CompiledPolicy first, TimeSource time) {
        this.policyFile = policyFile;
        this.workspace = workspace;
        this.installer = installer;
        this.inForce = installer.bind(first);
        this.filter = new FilterEngine(inForce, time);
    }

    /** Reads and compiles the policy file and puts it in force in a new filter engine. */
    public static PolicyAdministration open(Path policyFile, TimeSource time) throws ConfigException {
        return open(policyFile, new LimiterRegistry(), time);
    }

    /** As {@link #open(Path, TimeSource)}, with the senders' rate and quota state kept in {@code limiters}. */
    public static PolicyAdministration open(Path policyFile, LimiterStore limiters, TimeSource time) throws ConfigException {
        PolicyWorkspace workspace = new PolicyWorkspace(policyFile);
        CompiledPolicy first = workspace.loadFromDisk();
        return new PolicyAdministration(policyFile, workspace, new PolicyInstaller(limiters, time), first, time);
    }

    /** The engine that decides with the policy in force. */
    public FilterEngine filter() {
        return filter;
    }

    /** The policy in force, with its groups and senders. */
    public synchronized CompiledPolicy inForce() {
        return inForce;
    }

    /** The decision the item would get now, step by step, using up no rate or quota. */
    public Explanation explain(InboundItem item) {
        return filter.explain(item);
    }

    /** The groups of the policy in force, for completion on the console. */
    public List<String> groupNames() {
        return new ArrayList<>(inForce().groups().keySet());
    }

    /** Loads the policy files again from disk, dropping unsaved console changes; a refused policy changes nothing. */
    public synchronized CompiledPolicy reload() throws ConfigException {
        return install(workspace.loadFromDisk());
    }

    /** Adds the MSISDN to the group's list and puts the result in force; false when it was listed already. */
    public synchronized boolean add(String group, String msisdn) throws ConfigException, IOException {
        return installIfChanged(workspace.add(group, msisdn));
    }

    /** Removes the MSISDN from the group's list and puts the result in force; false when it was not listed. */
    public synchronized boolean remove(String group, String msisdn) throws ConfigException, IOException {
        return installIfChanged(workspace.remove(group, msisdn));
    }

    /** Saves the console's changes to their list files; returns the files written. */
    public synchronized List<Path> write() throws IOException {
        return workspace.write();
    }

    public synchronized boolean hasUnsavedChanges() {
        return workspace.hasUnsavedChanges();
    }

    /** The list files changed from the console and not yet written, by their names in the policy. */
    public synchronized List<String> unsavedListFiles() {
        return workspace.unsavedListFiles();
    }

    private boolean installIfChanged(Optional<CompiledPolicy> changed) {
        changed.ifPresent(this::install);
        return changed.isPresent();
    }

    private CompiledPolicy install(CompiledPolicy accepted) {
        inForce = installer.install(accepted, filter);
        LOG.info("policy {} in force, digest {}", policyFile, inForce.digest());
        return inForce;
    }
}
