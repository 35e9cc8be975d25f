package org.mtcgate.core.cli;

import org.mtcgate.core.config.DiameterSettings;
import org.mtcgate.core.config.NodeConfig;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.store.SubscriberFile;
import org.mtcgate.diameter.tls.TlsSettings;
import org.mtcgate.filter.policy.CompiledPolicy;
import org.mtcgate.filter.policy.PolicyFiles;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.yaml.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mtcgate node --check}: reads the node config and every file it names (policy and its lists, subscribers,
 * TLS files) the way the node would, without binding a port or opening a store. The first mistake is a
 * {@link ConfigException} with file, line and field.
 */
final class ConfigCheck {
    private ConfigCheck() {
    }

    /** Checks the config; returns what an operator wants to see of it. */
    static List<String> run(Path configFile) throws ConfigException {
        NodeConfig config = NodeConfigFile.load(configFile);
        List<String> summary = new ArrayList<>();
        summary.add("config OK: " + configFile + " (node '" + config.name() + "', roles " + config.roles() + ")");
        CompiledPolicy policy = PolicyFiles.compile(config.policyFile());
        summary.add("  policy " + config.policyFile() + " OK, digest " + policy.digest());
        if (config.subscribers() != null) {
            SubscriberTable subscribers = SubscriberFile.load(config.subscribers());
            summary.add("  subscribers " + config.subscribers() + " OK, " + subscribers.size() + " subscribers");
        }
        if (config.diameter() != null && config.diameter().tls() != null) {
            summary.add("  " + tls(config.source(), config.diameter().tls()));
        }
        summary.add("  data in " + config.dataDir() + ", audit in " + config.audit().dir());
        return summary;
    }

    private static String tls(String source, DiameterSettings.TlsFiles t) throws ConfigException {
        List<Path> files = List.of(t.certificate(), t.key(), t.trustedCa());
        boolean allThere = files.stream().allMatch(Files::isReadable);
        if (!allThere && t.generateLabPki()) {
            return "TLS files to be made by generate-lab-pki at start: " + t.certificate();
        }
        String[] fields = {"certificate", "key", "trusted-ca"};
        for (int i = 0; i < files.size(); i++) {
            if (!Files.isReadable(files.get(i))) {
                throw new ConfigException(source, 0, "diameter.tls." + fields[i], files.get(i) + " does not exist or cannot be read");
            }
        }
        try {
            TlsSettings.fromPemFiles(t.certificate(), t.key(), t.trustedCa());
        } catch (Exception e) {
            throw new ConfigException(source, 0, "diameter.tls", "the TLS files cannot be used: " + e.getMessage());
        }
        return "TLS " + t.certificate() + " OK";
    }
}
