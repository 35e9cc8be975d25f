package org.mtcgate.bsf.ub;

import org.junit.jupiter.api.Test;
import org.mtcgate.gba.bootstrap.Btid;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BootstrappingInfoTest {
    @Test
    void roundTripAndTheFormImplementationsWrite() {
        BootstrappingInfo info = new BootstrappingInfo(new Btid("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example"),
                Instant.parse("2026-12-03T11:00:00Z"));
        String xml = new String(info.encode(), StandardCharsets.UTF_8);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <BootstrappingInfo xmlns="uri:3gpp-gba">
                <btid>I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example</btid>
                <lifetime>2026-12-03T11:00:00Z</lifetime>
                </BootstrappingInfo>
                """, xml);
        assertEquals(info, BootstrappingInfo.decode(info.encode()));
        // as a commercial BSF writes it: indented, fractional seconds
        assertEquals(Instant.parse("2013-04-22T13:10:25.559Z"), BootstrappingInfo.decode("""
                <?xml version="1.0" encoding="UTF-8"?>
                <BootstrappingInfo xmlns="uri:3gpp-gba">
                    <btid>x1XRv9GU/jU1U5DrkYljrQ==@bsf.labs.example</btid>
                    <lifetime>2013-04-22T13:10:25.559Z</lifetime>
                </BootstrappingInfo>""".getBytes(StandardCharsets.UTF_8)).lifetime());
    }

    @Test
    void refusesOtherDocumentsAndEntities() {
        assertThrows(IllegalArgumentException.class, () -> BootstrappingInfo.decode("<x/>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> BootstrappingInfo.decode(
                "<BootstrappingInfo><btid>a@b</btid><lifetime>2013-04-22T13:10:25Z</lifetime></BootstrappingInfo>"
                        .getBytes(StandardCharsets.UTF_8)), "no namespace");
        assertThrows(IllegalArgumentException.class, () -> BootstrappingInfo.decode(
                "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>a@b</btid></BootstrappingInfo>".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> BootstrappingInfo.decode(
                "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>a@b</btid><lifetime>tomorrow</lifetime></BootstrappingInfo>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> BootstrappingInfo.decode(("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<BootstrappingInfo xmlns=\"uri:3gpp-gba\"><btid>&e;</btid><lifetime>2013-04-22T13:10:25Z</lifetime></BootstrappingInfo>")
                .getBytes(StandardCharsets.UTF_8)), "no DTD, so no external entity");
    }
}
