package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.core.capture.CaptureSettings;
import org.mtcgate.core.capture.Protocol;

import java.nio.file.Path;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The config's capture from start ({@code trace}) and the lab TLS key log ({@code diameter.lab-tls-key-log}). */
class TraceConfigTest {
    private static final String NODE = """
            roles: [mtc-iwf]
            policy: p.yaml
            subscribers: s.yaml
            mtc-iwf: {t4: {host: smsc.example.net, sme-address: "491720000999"}}
            diameter:
              identity: iwf.example.net
              tls: {certificate: n.crt, key: n.key, trusted-ca: ca.crt}
            """;

    @Test
    void traceNamesTheFileItsFilterAndItsLimits() throws Exception {
        CaptureSettings t = NodeConfigFileTest.parse(NODE + """
                trace: {pcap: captures/start.pcapng, filter: "diameter m3ua port=3868", max-size-mb: 10, max-packets: 500}
                """).trace();
        assertEquals(Path.of("/lab/config/captures/start.pcapng"), t.file(), "relative to the config file");
        assertEquals(Set.of(Protocol.DIAMETER, Protocol.M3UA), t.filter().protocols());
        assertEquals(java.util.List.of(3868), t.filter().ports());
        assertEquals(10L * 1024 * 1024, t.maxBytes());
        assertEquals(500, t.maxPackets());
        CaptureSettings defaults = NodeConfigFileTest.parse(NODE + "trace: {pcap: a.pcapng}\n").trace();
        assertEquals(CaptureSettings.DEFAULT_MAX_BYTES, defaults.maxBytes());
        assertEquals("everything", defaults.filter().describe());
        assertNull(NodeConfigFileTest.parse(NODE).trace(), "no capture unless asked for");
    }

    @Test
    void traceMistakesNameFileLineAndField() {
        assertEquals("mtcgate.yaml:8: trace.filter: 'hlr' is not a capture filter word: diameter, m3ua, http (t8), smpp, "
                + "peer=<name>, ip=<address>, port=<n>",
                NodeConfigFileTest.refuse(NODE + "trace: {pcap: a.pcapng, filter: \"m3ua hlr\"}\n").getMessage());
        assertEquals("mtcgate.yaml:8: trace.pcap: is required: the pcapng file to write",
                NodeConfigFileTest.refuse(NODE + "trace: {filter: m3ua}\n").getMessage());
    }

    @Test
    void theLabKeyLogIsOffUnlessNamedAndNeedsTls() throws Exception {
        assertNull(NodeConfigFileTest.parse(NODE).diameter().labTlsKeyLog());
        assertEquals(Path.of("/lab/config/keys.log"),
                NodeConfigFileTest.parse(NODE + "  lab-tls-key-log: keys.log\n").diameter().labTlsKeyLog());
        String plain = NODE.replace("  tls: {certificate: n.crt, key: n.key, trusted-ca: ca.crt}\n", "  insecure-lab: true\n");
        assertEquals("mtcgate.yaml:8: diameter.lab-tls-key-log: there is no TLS to log keys of: 'insecure-lab' is on",
                NodeConfigFileTest.refuse(plain + "  lab-tls-key-log: keys.log\n").getMessage());
    }
}
