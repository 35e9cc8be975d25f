package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.smpp.BindKind;
import org.mtcgate.smpp.SmeAccount;

import java.io.StringReader;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TsmsConfigTest {
    private static final String HASH = PasswordHash.of("trk-pw".toCharArray(), 1000, new SecureRandom()).encoded();
    private static final String HEAD = """
            roles: [sms-sc]
            policy: p.yaml
            subscribers: s.yaml
            ss7: {local-gt: "4917", association: {local: "127.0.0.1:1", remote: "127.0.0.1:2"}}
            """;

    private static NodeConfig parse(String yaml) throws ConfigException {
        return NodeConfigFile.parse("mtcgate.yaml", Path.of("/etc/mtcgate"), new StringReader(yaml));
    }

    @Test
    void smesWithTheirHashAddressesBindTypesAndRate() throws Exception {
        NodeConfig c = parse(HEAD + """
                tsms:
                  listen: 127.0.0.1:2775
                  tls: {certificate: tsms.crt, key: tsms.key}
                  default-validity: 2h
                  smes:
                    - system-id: tracker
                      password-hash: "%s"
                      allowed-addresses: ["10.1.0.0/16", "192.0.2.7"]
                      bind-types: [transceiver]
                      submits-per-second: 20
                      addresses: ["4930123456"]
                """.formatted(HASH));
        TsmsConfig t = c.tsms();
        assertEquals(2775, t.settings().listen().getPort());
        assertEquals(Path.of("/etc/mtcgate/tsms.crt"), t.tlsCertificate());
        assertEquals(Duration.ofHours(2), t.settings().defaultValidity());
        SmeAccount sme = t.settings().smes().get(0);
        assertEquals("tracker", sme.systemId());
        assertTrue(sme.credential().matches("trk-pw"));
        assertFalse(sme.credential().matches("trk-px"));
        assertTrue(sme.mayBindFrom(InetAddress.getByName("10.1.3.4")));
        assertFalse(sme.mayBindFrom(InetAddress.getByName("10.2.3.4")));
        assertEquals(Set.of(BindKind.TRANSCEIVER), sme.binds());
        assertEquals(20, sme.submitsPerSecond());
        assertTrue(sme.owns("4930123456"));
    }

    @Test
    void absentMeansOff() throws Exception {
        assertNull(parse(HEAD).tsms());
    }

    @Test
    void mistakesNameFileLineAndField() {
        String sme = "tsms:\n  smes:\n    - system-id: tracker\n      password-hash: \"%s\"\n"
                + "      allowed-addresses: [\"%s\"]\n      addresses: [\"4930123456\"]\n";
        ConfigException badHash = assertThrows(ConfigException.class, () -> parse(HEAD + sme.formatted("secret", "10.0.0.1")));
        assertTrue(badHash.getMessage().startsWith("mtcgate.yaml:8: tsms.smes[0].password-hash: "), badHash.getMessage());
        assertTrue(badHash.getMessage().contains("mtcgate smpp hash-password"));
        ConfigException badBlock = assertThrows(ConfigException.class, () -> parse(HEAD + sme.formatted(HASH, "sme.example.com")));
        assertTrue(badBlock.getMessage().startsWith("mtcgate.yaml:9: tsms.smes[0].allowed-addresses[0]: "), badBlock.getMessage());
        ConfigException noSmsSc = assertThrows(ConfigException.class, () -> parse(HEAD.replace("[sms-sc]", "[sms-router]")
                + sme.formatted(HASH, "10.0.0.1")));
        assertTrue(noSmsSc.getMessage().contains("add sms-sc to 'roles'") || noSmsSc.getMessage().contains("sms-router"),
                noSmsSc.getMessage());
        ConfigException bindType = assertThrows(ConfigException.class, () -> parse(HEAD + sme.formatted(HASH, "10.0.0.1")
                + "      bind-types: [outbind]\n"));
        assertTrue(bindType.getMessage().contains("tsms.smes[0].bind-types[0]: unknown bind type 'outbind'"), bindType.getMessage());
    }
}
