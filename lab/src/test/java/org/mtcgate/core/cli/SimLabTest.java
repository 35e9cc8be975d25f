package org.mtcgate.core.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mtcgate.lab.map.FreePorts;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sims as a lab would run them: a standalone SMS Router, an HLR and an MSC each in its own process, and the
 * foreign SMSC and the UE run through the command line, whose exit status says what happened.
 */
class SimLabTest {
    private static final String POLICY = Path.of("..", "config", "policy.yaml").toString();
    private static final String SUBSCRIBERS = Path.of("..", "config", "subscribers.yaml").toString();
    private static final String MSISDN = "491701000001";

    @Test
    void fourProcessLabDeliversOrdinarySmsAndBlocksForeignTriggers(@TempDir Path dir) throws Exception {
        int[] p = FreePorts.distinct(7);
        String data = dir.resolve("data").toString();
        try (SimProcess router = SimProcess.start(dir.resolve("router.log"), "router", "--gt", "491720000300",
                "--hlr-gt", "491720000006", "--policy", POLICY, "--data-dir", data, "--mo-service-centre", "491720000100",
                "--peer", "name=hlr,role=server,local=127.0.0.1:" + p[0] + ",remote=127.0.0.1:" + p[1] + ",pc=3,ssn=6,prefixes=491720000006,zone=home",
                "--peer", "name=msc,role=server,local=127.0.0.1:" + p[0] + ",remote=127.0.0.1:" + p[2] + ",pc=4,prefixes=491720000200,zone=home",
                "--peer", "name=smsc,role=client,local=127.0.0.1:" + p[3] + ",remote=127.0.0.1:" + p[4] + ",pc=2",
                "--peer", "name=ue,role=client,local=127.0.0.1:" + p[5] + ",remote=127.0.0.1:" + p[6] + ",pc=5,prefixes=491720000900,zone=home",
                "--default-peer", "smsc");
             SimProcess hlr = SimProcess.start(dir.resolve("hlr.log"), "hlr", "--local", "127.0.0.1:" + p[1],
                     "--remote", "127.0.0.1:" + p[0], "--subscribers", SUBSCRIBERS, "--data-dir", data);
             SimProcess msc = SimProcess.start(dir.resolve("msc.log"), "msc", "--local", "127.0.0.1:" + p[2],
                     "--remote", "127.0.0.1:" + p[0], "--data-dir", data)) {
            router.awaitLine("Ctrl-C stops", 60);
            hlr.awaitLine("HLR: M3UA association up", 60);
            msc.awaitLine("MSC: M3UA association up", 60);

            String[] smsc = {"sim", "smsc", "--local", "127.0.0.1:" + p[4], "--remote", "127.0.0.1:" + p[3],
                    "--data-dir", data, "--msisdn", MSISDN};
            PolicyCommandTest.Run ordinary = PolicyCommandTest.run(concat(smsc, "--text", "hello lab"));
            assertEquals(0, ordinary.status(), ordinary.out() + ordinary.err());
            assertTrue(ordinary.out().contains("1 ok, 0 failed"), ordinary.out());
            assertFalse(ordinary.out().contains("262015500000001"), "the SMSC never sees the real IMSI: " + ordinary.out());
            assertEquals("MSC: IMSI 262015500000001 got SMS-DELIVER from TP-OA 4930123456, TP-PID 0x00, TP-DCS 0x00, "
                    + "text \"hello lab\"", msc.awaitLine("MSC: IMSI", 30));

            PolicyCommandTest.Run trigger = PolicyCommandTest.run(concat(smsc, "--pid", "0x48", "--payload-hex", "0102",
                    "--port", "9200"));
            assertEquals(1, trigger.status(), "a blocked SM is a failure unless expected: " + trigger.out());
            assertTrue(trigger.out().contains("MAP error 21 facilityNotSupported"), trigger.out());
            assertEquals(0, PolicyCommandTest.run(concat(smsc, "--pid", "0x48", "--expect-error", "21")).status());
            assertTrue(router.awaitLine("router: BLOCKED", 30).contains("router-foreign-trigger"));

            String[] ue = {"sim", "ue", "--local", "127.0.0.1:" + p[6], "--remote", "127.0.0.1:" + p[5], "--data-dir",
                    data, "--msisdn", "491701000002", "--to", "491709876543", "--sc-address", "491720000100",
                    "--smsc-gt", "491720000300"};
            assertEquals(0, PolicyCommandTest.run(ue).status());
            PolicyCommandTest.Run moTrigger = PolicyCommandTest.run(concat(ue, "--pid", "0x48", "--expect-error", "21"));
            assertEquals(0, moTrigger.status(), moTrigger.out());

            // SIGTERM (as Ctrl-C): the shutdown hook stops the stack; the JVM then exits with 128 + 15.
            assertEquals(143, hlr.stop());
            assertTrue(hlr.output().contains("HLR: stopping"), hlr.output());
            assertEquals(143, router.stop());
            assertTrue(router.output().contains("router: stopping; Snapshot[sriReceived=3"), router.output());
        }
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
