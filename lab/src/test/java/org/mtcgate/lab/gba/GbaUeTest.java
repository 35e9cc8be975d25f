package org.mtcgate.lab.gba;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.bsf.ub.AkaNonce;
import org.mtcgate.bsf.ub.DigestAka;
import org.mtcgate.bsf.ub.DigestParameters;
import org.mtcgate.core.cli.MtcGate;
import org.mtcgate.core.config.NodeConfigFile;
import org.mtcgate.core.node.Node;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.UsimSequenceState;
import org.mtcgate.gba.bootstrap.NafId;
import org.mtcgate.gba.bootstrap.UaSecurityProtocolId;

import picocli.CommandLine;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A UE with a software USIM bootstraps against the node's BSF (roles hss and bsf) over real HTTPS on 127.0.0.1,
 * trusting the lab CA the node made for the BSF's server name.
 */
class GbaUeTest {
    static final String BSF = "bsf.operator.test";
    static final String IMPI = "262015500000001@ims.mnc001.mcc262.3gppnetwork.org";
    static final AkaCredentials SUB = new AkaCredentials(new Impi(IMPI),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    @TempDir
    static Path dir;
    static Node node;
    static URI ub;
    static UbClient client;

    @BeforeAll
    static void start() throws Exception {
        GbaLabNode.writeInputs(dir, """
                  - {imsi: "262015500000002", impi: "262015500000002@ims.mnc001.mcc262.3gppnetwork.org",
                     k: "000102030405060708090a0b0c0d0e0f", opc: "cd63cb71954a9f4e48a5994e37a02baf"}
                """);
        GbaLabNode.writeUbNode(dir, "  key-lifetime: 1h\n");
        node = Node.start(NodeConfigFile.load(dir.resolve("mtcgate.yaml")), Clock.systemUTC());
        ub = GbaLabNode.ubUri(node);
        client = GbaLabNode.ubClient(node, dir);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void bootstrapsAndDerivesKsNaf() throws Exception {
        GbaUe ue = new GbaUe(SUB, client);
        GbaUe.Bootstrapped b = ue.bootstrap(UsimSequenceState.initial());
        assertEquals(Base64.getEncoder().encodeToString(b.rand().octets()) + "@" + BSF, b.btid().value());
        assertEquals(0, b.resyncs());
        Instant expected = Instant.now().plus(Duration.ofHours(1));
        assertTrue(Duration.between(b.lifetime(), expected).abs().getSeconds() < 60, "lifetime " + b.lifetime());
        NafId naf = new NafId("naf.operator.test", UaSecurityProtocolId.HTTP_DIGEST);
        assertEquals(32, b.nafKey(naf).length());
        assertFalse(b.toString().contains(Hex.encode(b.ks().octets())), "the text form leaves Ks out");

        GbaUe.Bootstrapped again = ue.bootstrap(b.usim());
        assertNotEquals(b.btid(), again.btid(), "each bootstrap a fresh RAND, so a fresh B-TID");
        assertNotEquals(b.nafKey(naf), again.nafKey(naf));
    }

    @Test
    void resynchronisesWhenTheUsimIsAhead() throws Exception {
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(100_000));
        GbaUe.Bootstrapped b = new GbaUe(SUB, client).bootstrap(ahead);
        assertEquals(1, b.resyncs());
        assertEquals(SqnProfile.forSeq(100_001), b.usim().highest(), "the HSS went on from the USIM's SQN");
    }

    @Test
    void aTamperedAutnIsRefusedByTheUsim() {
        GbaUe ue = new GbaUe(SUB, client, n -> {
            byte[] autn = n.autn().octets();
            autn[15] ^= 1;
            return new AkaNonce(n.rand(), new Autn(autn));
        });
        GbaUeException e = assertThrows(GbaUeException.class, () -> ue.bootstrap(UsimSequenceState.initial()));
        assertTrue(e.getMessage().contains("AUTN does not verify (MAC-A)"), e.getMessage());
    }

    @Test
    void aWrongResIsRefusedAndTheChallengeIsUsedUp() throws Exception {
        UbClient.Response challenge = client.get("Digest username=\"" + IMPI + "\", realm=\"\", nonce=\"\", uri=\"/\", response=\"\"");
        assertEquals(401, challenge.status());
        DigestParameters c = DigestParameters.parseChallengeOrCredentials(challenge.header("WWW-Authenticate"));
        assertEquals("auth-int", c.require("qop"));
        assertEquals(BSF, c.require("realm"));
        DigestAka.Input in = new DigestAka.Input(IMPI, BSF, c.require("nonce"), "GET", "/", "auth-int", "00000001", "abcd");
        String wrong = answer(in, DigestAka.response(in, new byte[8], new byte[0]));
        UbClient.Response refused = client.get(wrong);
        assertEquals(403, refused.status());
        assertEquals("the response does not match XRES", new String(refused.body(), StandardCharsets.UTF_8).strip());
        assertEquals(401, client.get(wrong).status(), "the nonce is used up: a new challenge, not another try");
    }

    @Test
    void aUeWithAnotherKeyCannotBootstrapAsTheSubscriber() {
        AkaCredentials impostor = new AkaCredentials(new Impi(IMPI), SubscriberKey.ofHex("00000000000000000000000000000001"),
                SUB.opc());
        GbaUeException e = assertThrows(GbaUeException.class,
                () -> new GbaUe(impostor, client).bootstrap(UsimSequenceState.initial()));
        assertTrue(e.getMessage().contains("MAC-A"), e.getMessage());
    }

    @Test
    void badRequestsGetPreciseErrors() throws Exception {
        HttpClient raw = HttpClient.newBuilder().sslContext(BsfTrust.context(dir.resolve("pki/ca.crt"), BSF))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> none = raw.send(HttpRequest.newBuilder(ub).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("username"), none.body());
        HttpResponse<String> post = raw.send(HttpRequest.newBuilder(ub).POST(HttpRequest.BodyPublishers.ofString("x"))
                .header("Authorization", "Digest username=\"" + IMPI + "\"").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET", post.headers().firstValue("Allow").orElse(""));
        assertEquals(400, client.get("Basic Zm9vOmJhcg==").status());
        UbClient.Response garbled = client.get("Digest username=\"" + IMPI + "\", nonce=\"abc");
        assertEquals(400, garbled.status());
        assertEquals("the quoted value of nonce is not closed", new String(garbled.body(), StandardCharsets.UTF_8).strip());
        UbClient.Response badNonce = client.get("Digest username=\"" + IMPI + "\", realm=\"" + BSF + "\", nonce=\"AAAA\", "
                + "uri=\"/\", qop=auth-int, nc=00000001, cnonce=\"x\", response=\"00000000000000000000000000000000\"");
        assertEquals(400, badNonce.status());
        assertTrue(new String(badNonce.body(), StandardCharsets.UTF_8).contains("RAND || AUTN"));
        UbClient.Response badAuts = client.get("Digest username=\"" + IMPI + "\", realm=\"" + BSF + "\", nonce=\""
                + Base64.getEncoder().encodeToString(new byte[32]) + "\", uri=\"/\", auts=\"AAAA\"");
        assertEquals(400, badAuts.status());
        assertEquals(403, client.get("Digest username=\"nobody@ims.example\", realm=\"\", nonce=\"\", uri=\"/\", response=\"\"")
                .status(), "an unknown IMPI");
        assertEquals(400, client.get("Digest username=\"\", nonce=\"\"").status(), "an empty IMPI");
    }

    @Test
    void theUeChecksTheBsfsCertificateName() throws Exception {
        UbClient wrongName = new UbClient(ub, dir.resolve("pki/ca.crt"), "other-bsf.operator.test");
        IOException e = assertThrows(IOException.class, () -> wrongName.get("Digest username=\"" + IMPI + "\""));
        assertTrue(e instanceof SSLHandshakeException || e.getCause() instanceof SSLHandshakeException, e.toString());
    }

    @Test
    void simUeGbaPrintsTheBtidAndKsNafButNeverK() {
        StringWriter out = new StringWriter();
        CommandLine cli = MtcGate.commandLine();
        cli.setOut(new PrintWriter(out));
        int status = cli.execute("sim", "ue-gba", "--bsf", ub.toString(), "--bsf-name", BSF, "--ca",
                dir.resolve("pki/ca.crt").toString(), "--impi", IMPI, "--k", "465b5ce8b199b49faa5f0a2ee238a6bc",
                "--opc", "cd63cb71954a9f4e48a5994e37a02baf", "--sqn", "200000", "--naf", "naf.operator.test");
        String text = out.toString();
        assertEquals(0, status, text);
        assertTrue(text.startsWith("B-TID ") && text.contains("@" + BSF + " lifetime "), text);
        assertTrue(text.contains("after 1 resynchronisation(s)"), text);
        assertTrue(text.contains("Ks_NAF naf.operator.test ua 0100000002 = "), text);
        assertFalse(text.contains("465b5ce8") || text.contains("cd63cb71"), "K and OPc are never printed");
    }

    private static String answer(DigestAka.Input in, String response) {
        return "Digest username=\"" + in.username() + "\", realm=\"" + in.realm() + "\", nonce=\"" + in.nonce()
                + "\", uri=\"" + in.uri() + "\", qop=" + in.qop() + ", nc=" + in.nc() + ", cnonce=\"" + in.cnonce()
                + "\", response=\"" + response + "\", algorithm=AKAv1-MD5";
    }
}
