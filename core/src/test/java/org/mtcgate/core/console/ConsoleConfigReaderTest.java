package org.mtcgate.core.console;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.io.StringReader;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleConfigReaderTest {
    private static final String KEY =
            "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAID+lL0AUrA/1br/OVbdZWfH/g13VGU8wd5TOD2WygssS ops@example";

    private static ConsoleConfig read(String yaml) throws ConfigException {
        return ConsoleConfigReader.read(YamlNode.parse("node.yaml", new StringReader(yaml)), Path.of("data"));
    }

    @Test
    void readsUsersAndDefaults() throws Exception {
        String hash = PasswordHash.of("pw".toCharArray(), 1_000, new SecureRandom()).encoded();
        ConsoleConfig c = read("port: 0\nusers:\n  - name: alice\n    password-hash: \"" + hash + "\"\n"
                + "  - name: bob\n    authorized-keys:\n      - " + KEY + "\n");
        assertEquals("127.0.0.1", c.host());
        assertEquals(0, c.port());
        assertEquals(Duration.ofSeconds(ConsoleConfigReader.DEFAULT_IDLE_SECONDS), c.idleTimeout());
        assertEquals(2, c.users().size());
        assertTrue(c.users().get(0).password().orElseThrow().matches("pw".toCharArray()));
        assertEquals(1, c.users().get(1).authorizedKeys().size());
        assertEquals(Path.of("data", ConsoleConfig.HOST_KEY_FILE), c.hostKeyFile());
    }

    @Test
    void mistakesNameFileLineAndField() {
        ConfigException e = assertThrows(ConfigException.class, () -> read("users:\n  - name: bob\n    pasword: x\n"));
        assertEquals("node.yaml:3: users[0].pasword: unknown key; expected one of authorized-keys, name, password-hash",
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> read("users:\n  - name: bob\n    authorized-keys: [ssh-rsa nonsense]\n"));
        assertTrue(e.getMessage().startsWith("node.yaml:2: users[0]: authorized key 1 of user 'bob'"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> read("port: 70000\nusers: []\n"));
        assertTrue(e.getMessage().startsWith("node.yaml:1: port: 70000 is out of range"), e.getMessage());
        assertThrows(ConfigException.class, () -> read("port: 22\n"));
        assertThrows(ConfigException.class, () -> read("users: []\n"));
        assertThrows(ConfigException.class, () -> read("users:\n  - name: a\n    password-hash: plain\n"));
    }
}
