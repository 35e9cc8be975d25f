package org.mtcgate.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Originator;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.yaml.ConfigException;

/** Policy key trigger-ports: an SM to one of these ports is a trigger whatever its TP-PID. */
class TriggerPortsTest {
    private static CompiledPolicy load(String yaml) throws ConfigException {
        return new PolicyLoader(new LimiterRegistry(), TimeSource.SYSTEM).load("p.yaml", yaml, ListSource.NONE);
    }

    private static InboundItem toPort(int port, int pid) {
        return InboundItem.builder(Ingress.ROUTER_MT, Originator.smsc(GlobalTitle.of("33612000000"), null, null))
                .targetImsi(Imsi.of("262015500000001")).tpPid(pid).ports(port, 0).build();
    }

    @Test
    void anSmToATriggerPortIsATrigger() throws ConfigException {
        CompiledPolicy policy = load("version: 1\ntrigger-ports: [9200, 2948]\n");
        assertEquals(MessageKind.TRIGGER, policy.kindOf(toPort(9200, 0x00)));
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, policy.kindOf(toPort(9200, 0x7F)), "a worse kind stays");
        assertEquals(MessageKind.ORDINARY, policy.kindOf(toPort(9201, 0x00)));
        Verdict v = policy.evaluate(toPort(2948, 0x00), TimeSource.SYSTEM, true, null);
        assertEquals("router-foreign-trigger", v.ruleId());
        assertTrue(policy.summary().contains("trigger ports: [2948, 9200]"), policy.summary());
    }

    @Test
    void withoutTheKeyNoPortIsATrigger() throws ConfigException {
        CompiledPolicy policy = load("version: 1\n");
        assertTrue(policy.evaluate(toPort(9200, 0x00), TimeSource.SYSTEM, true, null).allowed());
    }

    @Test
    void aPortOutOfRangeIsRefused() {
        ConfigException e = assertThrows(ConfigException.class, () -> load("version: 1\ntrigger-ports: [70000]\n"));
        assertTrue(e.getMessage().contains("trigger-ports"), e.getMessage());
    }
}
