package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AKA fields of the subscriber file: IMPI, K, OPc together, and K/OPc never in a message. */
class SubscriberFileAkaTest {
    @Test
    void theSampleGivesTwoLabSubscribersCredentials() throws Exception {
        SubscriberData data = SubscriberFile.read(Path.of("..", "config", "subscribers.yaml"));
        assertEquals(3, data.table().size());
        assertEquals(2, data.credentials().size());
        AkaCredentials first = data.credentials().get(0);
        assertEquals(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"), first.impi());
        assertEquals(SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), first.k());
        assertEquals(OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"), first.opc());
        assertFalse(first.toString().contains("465b5ce8"), first.toString());
    }

    @Test
    void credentialsGoTogetherAndSecretsStayOutOfMessages() {
        ConfigException partial = assertThrows(ConfigException.class, () -> parse("""
                subscribers:
                  - {imsi: "262015500000001", impi: "a@ims.test", k: "465b5ce8b199b49faa5f0a2ee238a6bc"}
                """));
        assertTrue(partial.getMessage().contains("impi, k and opc go together"), partial.getMessage());
        ConfigException shortKey = assertThrows(ConfigException.class, () -> parse("""
                subscribers:
                  - imsi: "262015500000001"
                    impi: "a@ims.test"
                    k: "465b5ce8b199b49faa5f0a2ee238a6"
                    opc: "cd63cb71954a9f4e48a5994e37a02baf"
                """));
        assertEquals("s.yaml:4: subscribers[0].k: must be 32 hex digits (16 octets)", shortKey.getMessage());
        assertFalse(shortKey.getMessage().contains("465b"));
        ConfigException twice = assertThrows(ConfigException.class, () -> parse("""
                subscribers:
                  - {imsi: "262015500000001", impi: "a@ims.test", k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                  - {imsi: "262015500000002", impi: "a@ims.test", k: "465b5ce8b199b49faa5f0a2ee238a6bc", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                """));
        assertTrue(twice.getMessage().contains("IMPI a@ims.test is listed twice"), twice.getMessage());
    }

    @Test
    void withoutCredentialsThereAreNone() throws Exception {
        assertEquals(List.of(), parse("subscribers:\n  - {imsi: \"262015500000001\"}\n").credentials());
    }

    private static SubscriberData parse(String yaml) throws ConfigException {
        return SubscriberFile.parseData("s.yaml", new StringReader(yaml));
    }
}
