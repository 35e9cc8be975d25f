package org.mtcgate.diameter.interop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.dictionary.ApplicationIds;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNode;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.LocalIdentity;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.diameter.peer.PeerRole;
import org.mtcgate.diameter.zh.HssZhApplication;
import org.mtcgate.gba.Amf;
import org.mtcgate.gba.Autn;
import org.mtcgate.gba.Hex;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.Rand;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;
import org.mtcgate.gba.aka.AuthenticationCentre;
import org.mtcgate.gba.aka.HomeAuthentication;
import org.mtcgate.gba.aka.MemoryAkaSubscriberStore;
import org.mtcgate.gba.aka.SqnProfile;
import org.mtcgate.gba.aka.Usim;
import org.mtcgate.gba.aka.UsimSequenceState;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Interop on Zh with an independent BSF: Erlang/OTP's {@code diameter} in its default strict mode with a Zh
 * dictionary written for this test ({@code src/test/resources/erlang/zh.dia}, from the facts file's MAR/MAA ABNF),
 * over plain TCP. Erlang asks for a vector, which the gba USIM side accepts; the USIM is then ahead of the HSS, so
 * a second vector gives AUTS, which Erlang sends back as RAND || AUTS; the vector after resynchronisation is
 * accepted. An unknown IMPI gets 5401. Erlang must find no decode error in any MAA, and the node none in any MAR.
 */
class ErlangZhInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern VECTOR = Pattern.compile(
            "VECTOR rc=2001 scheme=Digest-AKAv1-MD5 authenticate=(\\p{XDigit}{64}) xres=(\\p{XDigit}+) ck=(\\p{XDigit}{32}) "
                    + "ik=(\\p{XDigit}{32}) errors=\\[]");
    private static final AkaCredentials SUB = new AkaCredentials(new Impi("262015500000001@ims.mnc001.mcc262.3gppnetwork.org"),
            SubscriberKey.ofHex("465b5ce8b199b49faa5f0a2ee238a6bc"), OpC.ofHex("cd63cb71954a9f4e48a5994e37a02baf"));

    @TempDir
    Path dir;
    private DiameterNode hss;
    private Process erlang;

    @AfterEach
    void stop() throws InterruptedException {
        if (erlang != null && erlang.isAlive()) {
            erlang.destroy();
            if (!erlang.waitFor(10, TimeUnit.SECONDS)) {
                erlang.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (hss != null) {
            hss.close();
        }
    }

    @Test
    void strictErlangBsfGetsVectorsAResyncAndAnUnknownImpiWithoutAnError() throws Exception {
        ExternalTool.Result probe = ExternalTool.run("erl", "-noshell", "-eval",
                "halt(case code:lib_dir(diameter) of {error, _} -> 1; _ -> 0 end).");
        ExternalTool.require(probe.ok(), "Erlang/OTP with the diameter application is needed"
                + " (Debian: erlang-base erlang-diameter erlang-dev): " + probe.output().strip());
        copyResource("zh.dia");
        copyResource("bsf.erl");
        ExternalTool.Result compiled = ExternalTool.run("erlc", "-o", dir.toString(), dir.resolve("bsf.erl").toString());
        assertTrue(compiled.ok(), "erlc bsf.erl: " + compiled.output());

        HssZhApplication zh = new HssZhApplication(new HomeAuthentication(new MemoryAkaSubscriberStore(List.of(SUB)),
                new AuthenticationCentre(new SecureRandom()), Amf.UMTS));
        InetAddress lo = InetAddress.getLoopbackAddress();
        hss = new DiameterNode(DiameterNodeConfig.builder(LocalIdentity.of("hss.operator.test", "operator.test", lo))
                .listen(new InetSocketAddress(lo, 0)).insecureLab(true)
                .peer(PeerConfig.accepting("bsf.operator.test", "operator.test", PeerRole.BSF)).build());
        hss.registerHandler(ApplicationIds.ZH, zh).start();

        erlang = new ProcessBuilder("erl", "-noshell", "-pa", dir.toString(), "-run", "bsf", "main",
                String.valueOf(hss.localAddress().getPort()), dir.toString(), SUB.impi().value())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = lines(erlang.getInputStream());
        assertEquals("CONNECTED", next(lines));

        Usim usim = new Usim(SUB);
        // The USIM has seen SEQ 300 already (another HSS state): the HSS's first vector is stale to it.
        UsimSequenceState ahead = UsimSequenceState.initial().after(SqnProfile.forSeq(300));
        Matcher first = vector(next(lines));
        Rand rand = new Rand(Hex.decode(first.group(1).substring(0, 32)));
        Usim.SyncFailure sync = assertInstanceOf(Usim.SyncFailure.class,
                usim.authenticate(ahead, rand, new Autn(Hex.decode(first.group(1).substring(32)))));
        OutputStream stdin = erlang.getOutputStream();
        stdin.write(("RESYNC " + Hex.encode(rand.octets()) + Hex.encode(sync.auts().octets()) + "\n").getBytes(StandardCharsets.US_ASCII));
        stdin.flush();

        Matcher fresh = vector(next(lines));
        Usim.Success ok = assertInstanceOf(Usim.Success.class, usim.authenticate(ahead,
                new Rand(Hex.decode(fresh.group(1).substring(0, 32))), new Autn(Hex.decode(fresh.group(1).substring(32)))));
        assertEquals(fresh.group(2), Hex.encode(ok.res().octets()), "XRES in SIP-Authorization");
        assertEquals(fresh.group(3), Hex.encode(ok.ck().octets()), "CK in Confidentiality-Key");
        assertEquals(fresh.group(4), Hex.encode(ok.ik().octets()), "IK in Integrity-Key");
        assertEquals(SqnProfile.forSeq(301), ok.next().highest());

        assertEquals("REFUSED rc=none er=5401 errors=[]", next(lines));
        assertEquals("DONE", next(lines));
        assertTrue(erlang.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, erlang.exitValue());
        assertEquals(1, zh.resyncCount());
        assertEquals(0, hss.counters().get(Counter.ERROR_ANSWERS_SENT), "the node refused nothing Erlang sent");
        assertEquals(0, hss.counters().get(Counter.DECODE_FAILURES));
    }

    private static Matcher vector(String line) {
        Matcher m = VECTOR.matcher(line);
        assertTrue(m.matches(), "a clean MAA with a vector, decoded by Erlang: " + line);
        return m;
    }

    private void copyResource(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/erlang/" + name)) {
            assertNotNull(in, name + " on the test class path");
            Files.copy(in, dir.resolve(name));
        }
    }

    /** Erlang's output, a line at a time, read on a thread of its own so the test can wait with a deadline. */
    private static BlockingQueue<String> lines(InputStream in) {
        BlockingQueue<String> q = new LinkedBlockingQueue<>();
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    q.add(line);
                }
            } catch (IOException e) {
                q.add("READ FAILED " + e.getMessage());
            }
            q.add("EOF");
        }, "erlang-output");
        t.setDaemon(true);
        t.start();
        return q;
    }

    /** The next line of Erlang's own protocol; anything else it printed is kept for the message. */
    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        StringBuilder other = new StringBuilder();
        while (true) {
            String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                return "(no line from Erlang within " + WAIT + ")" + other;
            }
            if (line.matches("^(CONNECTED|VECTOR|REFUSED|MAA|DONE|FAILED|EOF|UNEXPECTED).*")) {
                return other.length() == 0 ? line : line + "\n(Erlang also printed:" + other + ")";
            }
            other.append('\n').append(line);
        }
    }
}
