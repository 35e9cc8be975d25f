package org.mtcgate.filter.policy;

import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Loads a policy from a file, resolving its list files beside it. */
public final class PolicyFiles {
    private PolicyFiles() {
    }

    public static CompiledPolicy load(Path policyFile, LimiterRegistry limiters, TimeSource time) throws ConfigException {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        Path dir = policyFile.toAbsolutePath().getParent();
        ListSource lists = new ListSource() {
            @Override
            public Reader open(String name) throws IOException {
                return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
            }

            @Override
            public String describe(String name) {
                return policyFile.resolveSibling(name).toString();
            }
        };
        return new PolicyLoader(limiters, time).load(policyFile.toString(), text, lists);
    }
}
