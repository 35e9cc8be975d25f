package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One node per data directory: a second node on it, in the same JVM or in a process of its own, is refused with
 * the holder's pid before it opens the audit log or a journal; the claim ends when the first node closes.
 */
class DataDirLockTest {
    @TempDir
    Path dir;
    Node node;
    NodeProcess other;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(other, node);
    }

    private Path config(String name, String auditDir) throws Exception {
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\nsenders: []\n");
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        Path config = dir.resolve(name + ".yaml");
        Files.writeString(config, """
                node: {name: %s, data-dir: data}
                roles: [hss]
                policy: policy.yaml
                subscribers: subscribers.yaml
                diameter: {identity: hss.operator.test, insecure-lab: true, listen: 127.0.0.1:0}
                audit: {dir: %s}
                """.formatted(name, auditDir));
        return config;
    }

    @Test
    void aSecondNodeOnTheSameDataDirIsRefusedWithTheHoldersPid() throws Exception {
        node = Node.start(NodeConfigFile.load(config("first", "data/audit")), Clock.systemUTC());
        // Not read here: closing any descriptor of the lock file in this JVM would drop the node's OS lock.
        String pid = Long.toString(ProcessHandle.current().pid());

        Path second = config("second", "audit-second");
        NodeException here = assertThrows(NodeException.class, () -> Node.start(NodeConfigFile.load(second), Clock.systemUTC()));
        assertTrue(here.getMessage().contains("is in use by another node (pid " + pid), here.getMessage());
        assertFalse(Files.exists(dir.resolve("audit-second")), "refused before its audit log was opened");

        Path log = dir.resolve("second.log");
        other = NodeProcess.start(second, log);
        assertEquals(1, other.exitStatus(60), "the lock held after the refused start in this JVM");
        String err = Files.readString(log);
        assertTrue(err.contains("node not started: node.data-dir") && err.contains("in use by another node (pid " + pid), err);
        assertFalse(Files.exists(dir.resolve("audit-second")));
        other = null;

        node.close();
        node = null;
        other = NodeProcess.start(second, log);
        other.ready.get(60, TimeUnit.SECONDS);
    }
}
