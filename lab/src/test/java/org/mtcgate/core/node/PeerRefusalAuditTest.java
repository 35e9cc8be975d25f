package org.mtcgate.core.node;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.lab.pki.LabPki;
import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.dictionary.AvpCodes;
import org.mtcgate.diameter.dictionary.BaseAvps;
import org.mtcgate.diameter.dictionary.CommandCodes;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.s6m.UserIdentifier;
import org.mtcgate.diameter.t4.SmeAddress;
import org.mtcgate.diameter.t4.T4Avps;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.lab.map.FreePorts;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node from its config file: peers have roles; an SCS that sends T4 is refused, and the refusal reaches the
 * audit log (one JSON line naming the rule) and the metrics; a configured MTC-IWF's DTR for a UE its T4 grant
 * does not cover is blocked by the SMS-SC's filter and audited as a T4 verdict.
 */
class PeerRefusalAuditTest {
    static final String NODE = "mtc-iwf.operator.test";
    static final String SCS = "scs1.utility.test";
    static final String PARTNER_IWF = "mtc-iwf.partner.test";
    static final long WAIT = 20;

    @TempDir
    Path dir;
    Node node;
    DiameterNode scs;
    DiameterNode partner;

    @AfterEach
    void stop() throws Exception {
        NodeLab.closeAll(scs, partner, node);
    }

    @Test
    void refusalsAreAuditedWithTheirRuleAndCounted() throws Exception {
        int[] ports = FreePorts.distinct(3);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                groups:
                  partner-fleet: {imsi-prefixes: ["2620155"]}
                senders:
                  - {id: scs1, ingress: [tsp], identities: [scs1.utility.test], grants: [{kinds: [trigger], to: all}]}
                  - {id: partner-iwf, ingress: [t4], identities: [mtc-iwf.partner.test], grants: [{kinds: [trigger], to: [partner-fleet]}]}
                """);
        Files.writeString(dir.resolve("subscribers.yaml"), "subscribers: []\n");
        Files.writeString(dir.resolve("mtcgate.yaml"), NodeLab.head("refusals", "mtc-iwf, sms-sc")
                + NodeLab.tlsDiameter("[{host: scs1.utility.test, role: scs},"
                        + " {host: mtc-iwf.partner.test, realm: partner.test, role: mtc-iwf}]")
                + """
                ss7:
                  local-gt: "491720000100"
                  point-code: 1
                  association: {role: server, local: 127.0.0.1:%d, remote: 127.0.0.1:%d, remote-point-code: 2}
                metrics: {listen: "127.0.0.1:%d"}
                """.formatted(ports[0], ports[1], ports[2]));
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        LabPki pki = new LabPki(dir.resolve("pki"));

        scs = client(pki, SCS, "utility.test");
        DiameterMessage a = scs.sendRequest(dtr("491799000001", "262019900000001")).get(WAIT, TimeUnit.SECONDS);
        assertEquals(3007, a.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32(), "an SCS sends no T4");

        partner = client(pki, PARTNER_IWF, "partner.test");
        DiameterMessage b = partner.sendRequest(dtr("491799000001", "262019900000001")).get(WAIT, TimeUnit.SECONDS);
        assertEquals(5003, b.avp(AvpCodes.RESULT_CODE).orElseThrow().unsigned32(), "the UE is outside its T4 grant");

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.metricsPort().orElseThrow() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("mtcgate_diameter_refusals_total{peer=\"scs1.utility.test\",rule=\"application-not-allowed\"} 1.0"),
                metrics);
        assertTrue(metrics.contains("mtcgate_verdicts_total{decision=\"block\",ingress=\"t4\""), metrics);

        node.close();
        node = null;
        List<String> audit = Files.readAllLines(dir.resolve("data/audit/audit.jsonl"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"event\":\"diameter-refusal\"") && l.contains("\"peer\":\"scs1.utility.test\"")
                && l.contains("\"rule\":\"application-not-allowed\"") && l.contains("\"result_code\":3007")
                && l.contains("\"application_id\":16777311")), String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"event\":\"verdict\"") && l.contains("\"ingress\":\"t4\"")
                && l.contains("\"originator\":\"mtc-iwf.partner.test\"") && l.contains("\"decision\":\"block\"")),
                String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"event\":\"verdict\"") && l.contains("\"ingress\":\"t4\"")
                && l.contains("\"reference\":1")), "the T4 verdict names the DTR's Reference-Number: " + String.join("\n", audit));
    }

    private DiameterNode client(LabPki pki, String host, String realm) throws Exception {
        DiameterNode c = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of(host, realm, InetAddress.getLoopbackAddress()))
                .peer(PeerConfig.connecting(NODE, "operator.test", node.diameterAddress().orElseThrow(), PeerRole.MTC_IWF, PeerRole.SMS_SC))
                .tls(LabPki.tlsSettings(pki.certificate(host), pki.key(host), pki.caCertificate())).build())
                .supportApplication(ApplicationIds.TSP).supportApplication(ApplicationIds.T4).start();
        c.whenPeerOpen(NODE).get(WAIT, TimeUnit.SECONDS);
        return c;
    }

    private static DiameterMessage dtr(String msisdn, String imsi) {
        return DiameterMessage.request(CommandCodes.DEVICE_TRIGGER, ApplicationIds.T4, true)
                .avp(BaseAvps.sessionId("attack;" + System.nanoTime()))
                .avp(T4Avps.vendorSpecificApplicationId()).avp(BaseAvps.authSessionState(1))
                .avp(BaseAvps.destinationRealm("operator.test"))
                .avp(new UserIdentifier(Imsi.of(imsi), Msisdn.of(msisdn), null).toAvp())
                .avp(T4Avps.smRpSmea(SmeAddress.international("491720000999")))
                .avp(T4Avps.payload(new byte[] {1}))
                .avp(T4Avps.referenceNumber(1))
                .build();
    }
}
