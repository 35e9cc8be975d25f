package org.mtcgate.core.node;

import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.capture.Tshark;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.lab.map.FreePorts;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * T8 and Tsms in the node's signalling capture: an SCS/AS asks for a token over T8 (HTTPS with a client certificate)
 * and an SME binds and unbinds over SMPP; tshark reads the capture as HTTP and SMPP by name, without decode-as.
 */
class NodeCaptureT8TsmsTest {
    @TempDir
    Path dir;
    Node node;

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void t8HttpAndSmppPdusAreCapturedAndDecodedByName() throws Exception {
        int[] ports = FreePorts.distinct(3);
        Files.writeString(dir.resolve("policy.yaml"), "version: 1\n");
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        String sme = PasswordHash.of("sme-pw".toCharArray(), 1_000, new SecureRandom()).encoded();
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("cap-t8", "mtc-iwf, sms-sc, scef") + NodeLab.tlsDiameter(null) + """
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                %s
                tsms:
                  listen: 127.0.0.1:%d
                  smes:
                    - {system-id: tracker, password-hash: "%s", allowed-addresses: ["127.0.0.1"], bind-types: [transceiver],
                       addresses: ["4930123456"]}
                trace: {pcap: t8-smpp.pcapng, filter: "http smpp"}
                """.formatted(ports[0], ports[1], T8Lab.t8Section(), ports[2], sme));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());

        HttpClient client = T8Lab.as1(dir.resolve("pki"));
        int t8Port = node.t8Address().orElseThrow().getPort();
        T8Lab.token(client, "https://localhost:" + t8Port);

        SMPPSession session = new SMPPSession();
        session.connectAndBind("127.0.0.1", ports[2], new BindParameter(BindType.BIND_TRX, "tracker", "sme-pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
        session.unbindAndClose();
        node.close(); // closes the capture
        node = null;

        Path file = dir.resolve("t8-smpp.pcapng");
        List<String> http = Tshark.fields(file, "http", "tcp.dstport", "http.request.method", "http.request.uri",
                "http.response.code");
        assertEquals(List.of(t8Port + "|POST|/oauth2/token|", "|||200"),
                http.stream().map(l -> l.startsWith(t8Port + "|") ? l : l.substring(l.indexOf('|'))).toList(),
                "the token request as received after TLS, to the real T8 port, and its answer: " + http);

        List<String> smpp = Tshark.fields(file, "smpp", "tcp.dstport", "smpp.command_id", "smpp.system_id");
        assertEquals(List.of(
                ports[2] + "|0x00000009|tracker",
                "|0x80000009|mtcgate",
                ports[2] + "|0x00000006|",
                "|0x80000006|"), smpp.stream().map(l -> l.startsWith(ports[2] + "|") ? l : l.substring(l.indexOf('|'))).toList(),
                "bind_transceiver and its resp, unbind and its resp: " + smpp);
        assertTrue(Tshark.read(file, "-o", "tcp.check_checksum:TRUE", "-T", "fields", "-e", "tcp.checksum.status")
                .lines().allMatch("1"::equals), "every TCP checksum is right");
        String errors = Tshark.read(file, "-q", "-z", "expert,error");
        assertTrue(!errors.contains("Errors ("), errors);
    }
}
