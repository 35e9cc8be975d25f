package org.mtcgate.core.node;

import org.apache.sshd.client.SshClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mobicents.protocols.ss7.map.api.errors.MAPErrorCode;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.console.ConsoleClient;
import org.mtcgate.core.console.PasswordHash;
import org.mtcgate.map.client.MapFailure;
import org.mtcgate.lab.map.FreePorts;
import org.mtcgate.lab.map.HlrPeer;
import org.mtcgate.lab.map.MoSender;
import org.mtcgate.lab.map.MscPeer;
import org.mtcgate.lab.map.RoutingInfo;
import org.mtcgate.lab.map.SmscPeer;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;
import org.mtcgate.map.tpdu.InformationElement;
import org.mtcgate.map.tpdu.ServiceCentreTimeStamp;
import org.mtcgate.map.tpdu.SmsAddress;
import org.mtcgate.map.tpdu.SmsDeliver;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.TpduCodec;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.map.tpdu.UserDataHeader;
import org.mtcgate.map.tpdu.ValidityPeriod;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The node in the sms-router role, from its config file, between three separate jSS7 stacks over M3UA/TCP: a
 * foreign SMSC that connects in, the home HLR and the serving MSC that the node connects to. An ordinary SM is
 * delivered under the real IMSI, a foreign trigger is blocked, an unknown correlation ID is refused, and on the
 * SMS-SC's MO path a UE's trigger SM is blocked while its ordinary SM is taken; the console, the metrics and the
 * audit show each.
 */
class NodeRouterTest {
    private static final long WAIT = 20;
    private static final String ROUTER_GT = "491720000300";
    private static final String HLR_GT = "491720000006";
    private static final String MSC_GT = "49172000208";
    private static final String FOREIGN_GT = "33612000000";
    private static final String MSISDN = "491701000001";
    private static final String IMSI = "262015500000001";

    @TempDir
    Path dir;
    Node node;
    Ss7Stack smscStack;
    Ss7Stack hlrStack;
    Ss7Stack mscStack;
    SmscPeer foreign;
    MscPeer msc;
    MoSender ue;

    @BeforeEach
    void start() throws Exception {
        int[] p = FreePorts.distinct(6);
        Files.writeString(dir.resolve("policy.yaml"), """
                version: 1
                home-network:
                  trigger-sms-sc: ["491720000100"]
                """);
        String hash = PasswordHash.of("op-secret-1".toCharArray(), 1000, new SecureRandom()).encoded();
        Files.writeString(dir.resolve("mtcgate.yaml"), """
                node: {name: rtr, data-dir: data}
                roles: [sms-router, sms-sc]
                policy: policy.yaml
                ss7:
                  local-gt: "%s"
                  point-code: 1
                  invoke-timeout: 2s
                  default-peer: smsc
                  peers:
                    - {name: smsc, role: server, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 2, ssns: [8]}
                    - {name: hlr, role: client, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 3, ssns: [6], global-titles: ["%s"], zone: home}
                    - {name: msc, role: client, local: "127.0.0.1:%d", remote: "127.0.0.1:%d", point-code: 4, ssns: [8], global-titles: ["%s"], zone: home}
                sms-router: {hlr-gt: "%s", home-mcc-mnc: "26201", correlation-ttl: 1m}
                sms-sc: {addresses: ["491720000100"], hlr: "%s"}
                console: {host: 127.0.0.1, port: 0, users: [{name: olga, password-hash: "%s"}]}
                metrics: {listen: 127.0.0.1:0}
                """.formatted(ROUTER_GT, p[0], p[1], p[2], p[3], HLR_GT, p[4], p[5], MSC_GT, HLR_GT, HLR_GT, hash));
        hlrStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-hlr").dataDir(dir.resolve("peers"))
                .role(AssociationRole.SERVER).local("127.0.0.1", p[3]).remote("127.0.0.1", p[2]).pointCodes(3, 1)
                .localSsns(Ss7StackConfig.SSN_HLR).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(HLR_GT).build());
        mscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-msc").dataDir(dir.resolve("peers"))
                .role(AssociationRole.SERVER).local("127.0.0.1", p[5]).remote("127.0.0.1", p[4]).pointCodes(4, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC).localGlobalTitle(MSC_GT).build());
        smscStack = Ss7Stack.assemble(Ss7StackConfig.builder().name("t-smsc").dataDir(dir.resolve("peers"))
                .role(AssociationRole.CLIENT).local("127.0.0.1", p[1]).remote("127.0.0.1", p[0]).pointCodes(2, 1)
                .localSsns(Ss7StackConfig.SSN_MSC).remoteSsns(Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR)
                .localGlobalTitle(FOREIGN_GT).build());
        new HlrPeer(hlrStack).provision(MSISDN, new HlrPeer.Subscription(IMSI, MSC_GT))
                // the UE the MO SM below is sent to: the SMS-SC finds it with SRI-for-SM and delivers it as MT
                .provision("4930123456", new HlrPeer.Subscription("262015500000009", MSC_GT));
        msc = new MscPeer(mscStack);
        ue = new MoSender(mscStack);
        foreign = new SmscPeer(smscStack);
        hlrStack.connect();
        mscStack.connect();
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        smscStack.connect();
        for (Ss7Stack s : List.of(hlrStack, mscStack, smscStack, node.ss7().orElseThrow())) {
            s.active().get(WAIT, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {smscStack, node, mscStack, hlrStack}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the others
            }
        }
    }

    private static byte[] sm(int pid, String tpOa, String text) throws Exception {
        UserDataHeader header = pid == 0x48 ? UserDataHeader.of(InformationElement.applicationPort16(9200, 0)) : null;
        return TpduCodec.encode(new SmsDeliver(false, false, false, false, SmsAddress.international(tpOa), pid, 0x04,
                new ServiceCentreTimeStamp(26, 11, 30, 14, 0, 0, 4), UserData.eightBit(header, text.getBytes(StandardCharsets.US_ASCII))));
    }

    private static byte[] submit(int pid, String text) throws Exception {
        UserDataHeader header = pid == 0x48 ? UserDataHeader.of(InformationElement.applicationPort16(9200, 0)) : null;
        return TpduCodec.encode(new SmsSubmit(false, false, false, 7, SmsAddress.international("4930123456"), pid,
                0x00, new ValidityPeriod.None(), UserData.gsm7(header, text)));
    }

    private static MapFailure failureOf(CompletableFuture<?> f) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(WAIT, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof MapFailure, String.valueOf(e.getCause()));
        return (MapFailure) e.getCause();
    }

    @Test
    void routesFiltersAndShowsItOnTheConsoleMetricsAndAudit() throws Exception {
        RoutingInfo routing = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        assertNotEquals(IMSI, routing.imsi(), "the correlation ID, never the IMSI");
        assertTrue(routing.imsi().startsWith("26201"), routing.imsi());
        assertEquals(ROUTER_GT, routing.networkNodeNumber());

        foreign.mtForwardSm(routing.imsi(), routing.networkNodeNumber(), sm(0x00, "4930123456", "hello"), false)
                .get(WAIT, TimeUnit.SECONDS);
        assertEquals(1, msc.deliveredTo(IMSI).size(), "delivered to the MSC under the real IMSI");

        RoutingInfo again = foreign.sendRoutingInfoForSm(MSISDN, MSISDN).get(WAIT, TimeUnit.SECONDS);
        MapFailure blocked = failureOf(foreign.mtForwardSm(again.imsi(), ROUTER_GT, sm(0x48, "4930123456", "wake"), false));
        assertEquals(MAPErrorCode.facilityNotSupported, blocked.errorCode().orElseThrow());
        MapFailure unknown = failureOf(foreign.mtForwardSm("262019999999999", ROUTER_GT, sm(0x00, "4930123456", "x"), false));
        assertEquals(MAPErrorCode.unidentifiedSubscriber, unknown.errorCode().orElseThrow());
        assertEquals(1, msc.deliveredTo(IMSI).size(), "neither reached the MSC");

        // MO from a UE through the MSC to the node's SMS-SC (TS 23.040 9.2.3.9: no trigger indication from a UE)
        ue.moForwardSm("491720000100", "491720000100", "491701000002", submit(0x00, "hi"), 3).get(WAIT, TimeUnit.SECONDS);
        MapFailure moTrigger = failureOf(ue.moForwardSm("491720000100", "491720000100", "491701000002", submit(0x48, "x"), 3));
        assertEquals(MAPErrorCode.facilityNotSupported, moTrigger.errorCode().orElseThrow());
        MapFailure otherSc = failureOf(ue.moForwardSm("491729999999", "491720000100", "491701000002", submit(0x00, "x"), 3));
        assertEquals(MAPErrorCode.smDeliveryFailure, otherSc.errorCode().orElseThrow(), "a service centre this node is not");

        SshClient ssh = SshClient.setUpDefaultClient();
        ssh.setServerKeyVerifier((session, address, key) -> true);
        ssh.start();
        try (ConsoleClient c = ConsoleClient.withPassword(ssh, node.consolePort().orElseThrow(), "olga", "op-secret-1")) {
            c.awaitPrompt();
            String peers = c.run("show peers");
            for (String peer : List.of("smsc", "hlr", "msc")) {
                assertTrue(peers.lines().anyMatch(l -> l.trim().startsWith(peer + " ") && l.contains("ACTIVE")), peers);
            }
            assertTrue(peers.contains("(default)"), peers);
            String stats = c.run("show stats");
            assertTrue(stats.contains("SMS Router: 2 SRI-for-SM, 2 correlations made"), stats);
            assertTrue(stats.contains("3 MT-ForwardSM, 1 blocked, 1 delivered"), stats);
            assertTrue(stats.contains("unknown-correlation=1"), stats);
            assertTrue(stats.contains("ROUTER_MT BLOCK router-foreign-trigger"), stats);
            assertTrue(stats.contains("SMS-SC MO: 3 MO-ForwardSM, 1 accepted, 1 blocked; 1 held for MT"), stats);
        } finally {
            ssh.stop();
        }

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + node.metricsPort().orElseThrow() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertTrue(metrics.contains("mtcgate_verdicts_total{decision=\"block\",ingress=\"router-mt\",rule=\"router-foreign-trigger\"} 1.0"), metrics);
        assertTrue(metrics.contains("mtcgate_router_forwarded_total{result=\"delivered\"} 1.0"), metrics);
        assertTrue(metrics.contains("mtcgate_map_protocol_errors_total{error=\"unknown-correlation\"} 1.0"), metrics);
        assertTrue(metrics.contains("mtcgate_peer_up{peer=\"hlr\",protocol=\"m3ua\"} 1.0"), metrics);
        assertTrue(metrics.contains("ingress=\"sms-iwmsc-mo\"") && metrics.contains("mtcgate_map_protocol_errors_total{error=\"unknown-service-centre\"} 1.0"),
                metrics);

        node.close();
        List<String> audit = Files.readAllLines(dir.resolve("data/audit/audit.jsonl"));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"rule\":\"router-foreign-trigger\"") && l.contains("\"decision\":\"block\"")),
                String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"ingress\":\"router-mt\"") && l.contains("\"decision\":\"allow\"")),
                String.join("\n", audit));
        assertFalse(audit.stream().anyMatch(l -> l.contains(IMSI)), "no IMSI in full in the audit: " + audit);
        assertEquals(1, audit.stream().filter(l -> l.contains("\"event\":\"refusal\"")
                && l.contains("\"rule\":\"map-unknown-correlation\"") && l.contains("\"source\":\"sms-router\"")).count(),
                "the refusal before the filter is audited once: " + String.join("\n", audit));
        assertTrue(audit.stream().anyMatch(l -> l.contains("\"rule\":\"map-unknown-service-centre\"")
                && l.contains("\"source\":\"sms-sc-mo\"")), String.join("\n", audit));
    }
}
