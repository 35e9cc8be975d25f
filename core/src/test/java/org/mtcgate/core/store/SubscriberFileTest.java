package org.mtcgate.core.store;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.trigger.UeName;
import org.mtcgate.filter.yaml.ConfigException;

import java.io.StringReader;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SubscriberFileTest {
    @Test
    void theSampleLoadsAndAnswersAsAnHss() throws Exception {
        SubscriberTable table = SubscriberFile.load(Path.of("..", "config", "subscribers.yaml"));
        assertEquals(3, table.size());
        var ok = table.resolve(UeName.of(ExternalId.of("meter-0001@meters.example.com")), "scs1.utility.example.com");
        assertEquals("262015500000001", ok.subscriber().imsi().digits());
        assertEquals(RequestStatus.NOTAUTHORIZED,
                table.resolve(UeName.of(ExternalId.of("meter-0001@meters.example.com")), "scs.operator.example.net").refusal());
        assertEquals(RequestStatus.INVEXTID,
                table.resolve(UeName.of(ExternalId.of("meter-9999@meters.example.com")), "scs1.utility.example.com").refusal());
        assertTrue(table.resolve(UeName.of(ExternalId.of("tracker-0003@trackers.example.com")), "anyone").isFound());
    }

    @Test
    void mistakesAreNamed() {
        ConfigException bad = assertThrows(ConfigException.class, () -> SubscriberFile.parse("s.yaml", new StringReader("""
                subscribers:
                  - imsi: "262015500000001"
                    msisdn: "49170x"
                """)));
        assertEquals("s.yaml:3: subscribers[0].msisdn: MSISDN '49170x' has a non-digit 'x' at position 6", bad.getMessage());
        ConfigException twice = assertThrows(ConfigException.class, () -> SubscriberFile.parse("s.yaml", new StringReader("""
                subscribers:
                  - {imsi: "262015500000001"}
                  - {imsi: "262015500000001"}
                """)));
        assertTrue(twice.getMessage().startsWith("s.yaml:3: subscribers[1].imsi: IMSI 26201********** is listed twice"), twice.getMessage());
        ConfigException unknown = assertThrows(ConfigException.class, () -> SubscriberFile.parse("s.yaml",
                new StringReader("subscribers:\n  - {imsi: \"262015500000001\", msisnd: \"4917\"}\n")));
        assertTrue(unknown.getMessage().contains("subscribers[0].msisnd: unknown key"), unknown.getMessage());
    }
}
