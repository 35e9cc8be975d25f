package org.mtcgate.lab.gba;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.bsf.ub.UbTls;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.gba.bootstrap.Btid;
import org.mtcgate.gba.bootstrap.Ks;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.lab.naf.LabNaf;
import org.mtcgate.lab.naf.NafEvents;
import org.mtcgate.lab.naf.ZnClient;
import org.mtcgate.lab.pki.LabPki;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ua with the NAF key, over real sockets: a node (roles hss and bsf) as BSF, the lab NAF with its own Diameter
 * identity asking for keys over Zn (mutual TLS) and serving HTTPS for its FQDN, and the UE simulator that bootstraps
 * over Ub and then authenticates to the NAF with HTTP Digest on Ks_NAF. Every refusal says why.
 */
class NafUaTest {
    static final String BSF = "bsf.operator.test";
    static final String NAF_HOST = "naf1.operator.test";
    static final String NAF_FQDN = "naf.operator.test";
    static final String UNLISTED_FQDN = "other.operator.test";
    static final NafId NAF = new NafId(NAF_FQDN, UaSecurityProtocolId.HTTP_DIGEST);

    @TempDir
    static Path dir;
    static Node node;
    static DiameterNode nafNode;
    static LabNaf naf;
    static LabNaf unlisted;
    static UbClient ub;
    static final ConcurrentLinkedQueue<String> events = new ConcurrentLinkedQueue<>();

    @BeforeAll
    static void start() throws Exception {
        GbaLabNode.writeInputs(dir, "");
        GbaLabNode.writeZnNode(dir, NAF_HOST, NAF_FQDN);
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        ub = GbaLabNode.ubClient(node, dir);

        LabPki pki = new LabPki(dir.resolve("pki"));
        pki.ensure(List.of(NAF_FQDN, UNLISTED_FQDN));
        nafNode = GbaLabNode.startNaf(dir, NAF_HOST, node);
        ZnClient zn = new ZnClient(nafNode, BSF, "operator.test");
        NafEvents record = (btid, outcome, detail) -> events.add(outcome + " " + detail);
        naf = LabNaf.start(new InetSocketAddress("127.0.0.1", 0),
                UbTls.serverContext(pki.certificate(NAF_FQDN), pki.key(NAF_FQDN)), NAF, zn, Clock.systemUTC(), record);
        unlisted = LabNaf.start(new InetSocketAddress("127.0.0.1", 0),
                UbTls.serverContext(pki.certificate(UNLISTED_FQDN), pki.key(UNLISTED_FQDN)),
                new NafId(UNLISTED_FQDN, UaSecurityProtocolId.HTTP_DIGEST), zn, Clock.systemUTC(), record);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable c : new AutoCloseable[] {naf, unlisted, nafNode, node}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing the rest matters more
                }
            }
        }
    }

    static UbClient ua(LabNaf at, String fqdn) throws Exception {
        return new UbClient(URI.create("https://127.0.0.1:" + at.localAddress().getPort() + "/trigger"),
                dir.resolve("pki/ca.crt"), fqdn);
    }

    static GbaUe.Bootstrapped bootstrap() throws Exception {
        return new GbaUe(GbaUeTest.SUB, ub).bootstrap(UsimSequenceState.initial());
    }

    @Test
    void theUeAuthenticatesWithKsNafAndTheNafGotItOverZn() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        long before = naf.znRequestCount();
        NafClient.Authenticated a = new NafClient(ua(naf, NAF_FQDN)).authenticate(ue, NAF);
        assertTrue(a.resource().startsWith("authenticated as IMPI " + GbaUeTest.IMPI + " with B-TID " + ue.btid().value()),
                a.resource());
        assertEquals(before + 1, naf.znRequestCount(), "the NAF asked the BSF over Zn");
        new NafClient(ua(naf, NAF_FQDN)).authenticate(ue, NAF);
        assertEquals(before + 1, naf.znRequestCount(), "and keeps the key until it expires");
    }

    @Test
    void aWrongKeyIsRefused() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        GbaUe.Bootstrapped wrong = new GbaUe.Bootstrapped(ue.btid(), ue.lifetime(), ue.impi(), ue.rand(),
                new Ks(new byte[Ks.LENGTH]), 0, ue.usim());
        GbaUeException e = assertThrows(GbaUeException.class, () -> new NafClient(ua(naf, NAF_FQDN)).authenticate(wrong, NAF));
        assertTrue(e.getMessage().contains("401: the response does not verify with Ks_NAF of B-TID"), e.getMessage());
    }

    @Test
    void anUnknownBtidIsSentBackToBootstrap() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        GbaUe.Bootstrapped unknown = new GbaUe.Bootstrapped(new Btid(Base64.getEncoder().encodeToString(new byte[16]) + "@" + BSF),
                ue.lifetime(), ue.impi(), ue.rand(), ue.ks(), 0, ue.usim());
        GbaUeException e = assertThrows(GbaUeException.class, () -> new NafClient(ua(naf, NAF_FQDN)).authenticate(unknown, NAF));
        assertTrue(e.getMessage().contains("401: the BSF holds no valid bootstrapping for B-TID") && e.getMessage()
                .contains("(Zn 5403): bootstrap again"), e.getMessage());
    }

    @Test
    void aReplayedNonceAndNcIsRefused() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        UbClient http = ua(naf, NAF_FQDN);
        String authorization = authorization(http, ue, ue.nafKey(NAF).octets(), "00000001");
        assertEquals(200, http.get(authorization).status());
        UbClient.Response replay = http.get(authorization);
        assertEquals(401, replay.status());
        assertEquals("nc 00000001 was already used with this nonce: a replay", body(replay));
        assertTrue(replay.header("WWW-Authenticate").contains("nonce="), "with a fresh challenge");
    }

    @Test
    void aTamperedResponseIsRefusedByTheNaf() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        UbClient http = ua(naf, NAF_FQDN);
        String authorization = authorization(http, ue, ue.nafKey(NAF).octets(), "00000001");
        int at = authorization.indexOf("response=\"") + "response=\"".length();
        String tampered = authorization.substring(0, at) + (authorization.charAt(at) == '0' ? '1' : '0')
                + authorization.substring(at + 1);
        UbClient.Response r = http.get(tampered);
        assertEquals(401, r.status());
        assertTrue(body(r).startsWith("the response does not verify with Ks_NAF"), body(r));
        assertEquals(200, http.get(authorization).status(), "a failed attempt does not use the nc up");
    }

    @Test
    void aTamperedAnswerOfTheNafIsRefusedByTheUe() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        NafClient client = new NafClient(ua(naf, NAF_FQDN), r -> new UbClient.Response(r.status(), r.headers(),
                "authenticated as IMPI someone-else".getBytes(StandardCharsets.UTF_8)));
        GbaUeException e = assertThrows(GbaUeException.class, () -> client.authenticate(ue, NAF));
        assertTrue(e.getMessage().contains("the NAF's rspauth does not verify"), e.getMessage());
    }

    @Test
    void aNafNotConfiguredAtTheBsfSaysSo() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        NafId other = new NafId(UNLISTED_FQDN, UaSecurityProtocolId.HTTP_DIGEST);
        GbaUeException e = assertThrows(GbaUeException.class, () -> new NafClient(ua(unlisted, UNLISTED_FQDN)).authenticate(ue, other));
        assertTrue(e.getMessage().contains("403: the BSF does not authorise this NAF for " + UNLISTED_FQDN
                + " (Zn 5402): it is not configured at the BSF"), e.getMessage());
    }

    @Test
    void theUeRefusesANafWhoseRealmNamesAnotherNaf() throws Exception {
        GbaUe.Bootstrapped ue = bootstrap();
        GbaUeException e = assertThrows(GbaUeException.class,
                () -> new NafClient(ua(unlisted, UNLISTED_FQDN)).authenticate(ue, NAF));
        assertTrue(e.getMessage().contains("is not 3GPP-bootstrapping@" + NAF_FQDN), e.getMessage());
    }

    @Test
    void badRequestsGetPreciseErrors() throws Exception {
        UbClient http = ua(naf, NAF_FQDN);
        UbClient.Response none = http.get();
        assertEquals(401, none.status());
        DigestParameters c = DigestParameters.parseChallengeOrCredentials(none.header("WWW-Authenticate"));
        assertEquals("3GPP-bootstrapping@" + NAF_FQDN, c.require("realm"));
        assertEquals("MD5", c.require("algorithm"));
        assertEquals("auth-int", c.require("qop"));
        assertEquals(400, http.get("Basic Zm9vOmJhcg==").status());
        assertEquals("username is no B-TID: a B-TID is base64(RAND)@BSF-server-name", body(http.get(
                "Digest username=\"nobody\", realm=\"x\", nonce=\"n\", uri=\"/trigger\", qop=auth-int, nc=00000001, "
                        + "cnonce=\"c\", response=\"00000000000000000000000000000000\"")));
        UbClient.Response forged = http.get("Digest username=\"AAAA@" + BSF + "\", realm=\"3GPP-bootstrapping@" + NAF_FQDN
                + "\", nonce=\"forged\", uri=\"/trigger\", qop=auth-int, nc=00000001, cnonce=\"c\", "
                + "response=\"00000000000000000000000000000000\"");
        assertEquals(401, forged.status());
        assertEquals("the nonce is not one this NAF issued", body(forged));
        assertTrue(events.stream().anyMatch(l -> l.startsWith("nonce-unknown ")), events.toString());
    }

    private static String authorization(UbClient http, GbaUe.Bootstrapped ue, byte[] key, String nc) throws Exception {
        DigestParameters c = DigestParameters.parseChallengeOrCredentials(http.get().header("WWW-Authenticate"));
        DigestAka.Input in = new DigestAka.Input(ue.btid().value(), c.require("realm"), c.require("nonce"), "GET", http.uri(),
                "auth-int", nc, "0a0b0c0d");
        return NafClient.authorization(in, DigestAka.response(in, Base64.getEncoder().encode(key), new byte[0]));
    }

    private static String body(UbClient.Response r) {
        return new String(r.body(), StandardCharsets.UTF_8).strip();
    }
}
