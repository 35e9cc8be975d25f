package org.mtcgate.diameter.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.diameter.peer.Counter;
import org.mtcgate.diameter.peer.DiameterNodeConfig;
import org.mtcgate.diameter.peer.PeerConfig;
import org.mtcgate.lab.pki.IssuedCredential;
import org.mtcgate.lab.pki.LabCertificateAuthority;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.TriggerId;

/**
 * Interop with the strictest independent Diameter peer at hand: an SCS on Erlang/OTP's {@code diameter}
 * application (Debian erlang-diameter) in its default strict mode, with a TS 29.368 dictionary written for this
 * test ({@code src/test/resources/erlang/tsp.dia}) and compiled at test time with {@code diameter_make:codec/2}.
 * It connects over TLS at connect with a client certificate from the lab CA, sends an authorised DAR and one the
 * policy refuses, and answers the DNR that reports the first trigger's delivery. Erlang reports every decode error
 * it finds in a message (the {@code errors} field of {@code diameter_packet}); they must all be empty, and the node
 * must have sent no error answer.
 */
class ErlangTspInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;
    private MtcIwfFixture iwf;
    private Process erlang;

    @AfterEach
    void stop() throws InterruptedException {
        if (erlang != null && erlang.isAlive()) {
            erlang.destroy();
            if (!erlang.waitFor(10, TimeUnit.SECONDS)) {
                erlang.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        if (iwf != null) {
            iwf.close();
        }
    }

    @Test
    void strictErlangScsExchangesDarDaaAndDnrDnaWithoutAnError() throws Exception {
        ExternalTool.Result probe = ExternalTool.run("erl", "-noshell", "-eval",
                "halt(case code:lib_dir(diameter) of {error, _} -> 1; _ -> 0 end).");
        ExternalTool.require(probe.ok(), "Erlang/OTP with the diameter application is needed"
                + " (Debian: erlang-base erlang-diameter erlang-ssl erlang-dev): " + probe.output().strip());

        LabCertificateAuthority ca = LabCertificateAuthority.create("mtcgate erlang interop CA", Duration.ofDays(1));
        IssuedCredential scs = ca.issue(MtcIwfFixture.SCS, Duration.ofDays(1));
        Files.writeString(dir.resolve("scs.crt"), scs.certificatePem());
        Files.writeString(dir.resolve("scs.key"), scs.privateKeyPem());
        Files.writeString(dir.resolve("ca.crt"), ca.certificatePem());
        copyResource("tsp.dia");
        copyResource("scs.erl");
        ExternalTool.Result compiled = ExternalTool.run("erlc", "-o", dir.toString(), dir.resolve("scs.erl").toString());
        assertTrue(compiled.ok(), "erlc scs.erl: " + compiled.output());

        InetAddress lo = InetAddress.getLoopbackAddress();
        DiameterNodeConfig config = DiameterNodeConfig.builder(MtcIwfFixture.identity(MtcIwfFixture.MTC_IWF, lo))
                .listen(new InetSocketAddress(lo, 0))
                .tls(ca.issue(MtcIwfFixture.MTC_IWF, Duration.ofDays(1)).tlsSettings(List.of(ca.certificate())))
                .peer(PeerConfig.accepting(MtcIwfFixture.SCS, "utility.test"))
                .build();
        iwf = MtcIwfFixture.start(config, List.of(MtcIwfFixture.SCS), true);

        erlang = new ProcessBuilder("erl", "-noshell", "-pa", dir.toString(), "-run", "scs", "main",
                String.valueOf(iwf.node.localAddress().getPort()), dir.toString())
                .redirectErrorStream(true).start();
        BlockingQueue<String> lines = lines(erlang.getInputStream());

        expect(lines, "CONNECTED");
        assertEquals("DAA ref=4242 rc=2001 status=" + RequestStatus.SUCCESS.code() + " errors=[]", next(lines),
                "Erlang decoded the DAA of an authorised trigger without an error");
        assertEquals(1, iwf.smsc.submitted.size(), "the trigger went to the SMS-SC");
        assertEquals(9200, iwf.smsc.submitted.get(0).applicationPort());
        assertEquals("DAA ref=4243 rc=2001 status=" + RequestStatus.NOTAUTHORIZED.code() + " errors=[]", next(lines),
                "Erlang decoded the refusing DAA (NOTAUTHORIZED) without an error");
        assertEquals(1, iwf.smsc.submitted.size(), "nothing submitted for the refused trigger");

        assertTrue(iwf.triggering.onDeliveryReport(new TriggerId(MtcIwfFixture.SCS, 4242), DeliveryOutcome.SUCCESS)
                .toCompletableFuture().get(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals("DNR ref=4242 outcome=" + DeliveryOutcome.SUCCESS.code() + " errors=[]", next(lines),
                "Erlang decoded the DNR without an error");
        assertEquals(2001L, iwf.dnaResults.poll(WAIT.toSeconds(), TimeUnit.SECONDS).get(WAIT.toSeconds(), TimeUnit.SECONDS),
                "the node decoded Erlang's DNA, Result-Code 2001");
        expect(lines, "DONE");
        assertTrue(erlang.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS));
        assertEquals(0, erlang.exitValue());
        assertEquals(0, iwf.node.counters().get(Counter.ERROR_ANSWERS_SENT), "the node refused nothing Erlang sent");
        assertEquals(0, iwf.node.counters().get(Counter.DECODE_FAILURES));
        assertEquals(0, iwf.node.counters().get(Counter.TLS_IDENTITY_MISMATCH));
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

    /** The next line of Erlang's own protocol (lines starting with CONNECTED, DAA, DNR, DONE, FAILED, EOF). */
    private static String next(BlockingQueue<String> lines) throws InterruptedException {
        StringBuilder other = new StringBuilder();
        while (true) {
            String line = lines.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (line == null) {
                return "(no line from Erlang within " + WAIT + ")" + other;
            }
            if (line.matches("^(CONNECTED|DAA|DNR|DONE|FAILED|EOF|UNEXPECTED).*")) {
                return other.length() == 0 ? line : line + "\n(Erlang also printed:" + other + ")";
            }
            other.append('\n').append(line);
        }
    }

    private static void expect(BlockingQueue<String> lines, String expected) throws InterruptedException {
        assertEquals(expected, next(lines));
    }
}
