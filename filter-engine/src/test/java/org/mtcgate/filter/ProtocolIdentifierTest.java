package org.mtcgate.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The TP-PID table of TS 23.040 9.2.3.9 and the markers that send an SM to the (U)SIM whatever its TP-PID. */
class ProtocolIdentifierTest {

    /** Every one of the 256 values, against the ranges of 9.2.3.9 written out independently. */
    @Test
    void everyValueHasItsCategory() {
        Map<ProtocolIdentifier, Integer> counts = new EnumMap<>(ProtocolIdentifier.class);
        for (int pid = 0; pid < 256; pid++) {
            ProtocolIdentifier expected;
            if (pid <= 0x1F) {
                expected = ProtocolIdentifier.SME_TO_SME;
            } else if (pid <= 0x3F) {
                expected = ProtocolIdentifier.TELEMATIC_INTERWORKING;
            } else if (pid == 0x40) {
                expected = ProtocolIdentifier.SHORT_MESSAGE_TYPE_0;
            } else if (pid <= 0x47) {
                expected = ProtocolIdentifier.REPLACE_SHORT_MESSAGE;
            } else if (pid == 0x48) {
                expected = ProtocolIdentifier.DEVICE_TRIGGERING;
            } else if (pid <= 0x5D) {
                expected = ProtocolIdentifier.RESERVED;
            } else if (pid == 0x5E) {
                expected = ProtocolIdentifier.ENHANCED_MESSAGE_SERVICE;
            } else if (pid == 0x5F) {
                expected = ProtocolIdentifier.RETURN_CALL;
            } else if (pid <= 0x7B) {
                expected = ProtocolIdentifier.RESERVED;
            } else if (pid == 0x7C) {
                expected = ProtocolIdentifier.ANSI_136_R_DATA;
            } else if (pid == 0x7D) {
                expected = ProtocolIdentifier.ME_DATA_DOWNLOAD;
            } else if (pid == 0x7E) {
                expected = ProtocolIdentifier.ME_DEPERSONALIZATION;
            } else if (pid == 0x7F) {
                expected = ProtocolIdentifier.SIM_DATA_DOWNLOAD;
            } else if (pid <= 0xBF) {
                expected = ProtocolIdentifier.RESERVED;
            } else {
                expected = ProtocolIdentifier.SC_SPECIFIC;
            }
            assertEquals(expected, ProtocolIdentifier.of(pid), String.format("TP-PID %02X", pid));
            counts.merge(expected, 1, Integer::sum);
        }
        assertEquals(32, counts.get(ProtocolIdentifier.SME_TO_SME));
        assertEquals(7, counts.get(ProtocolIdentifier.REPLACE_SHORT_MESSAGE));
        assertEquals(21 + 28 + 64, counts.get(ProtocolIdentifier.RESERVED));
        assertEquals(64, counts.get(ProtocolIdentifier.SC_SPECIFIC));
    }

    @Test
    void onlyPlainAndInterworkingAndReturnCallAreOrdinary() {
        for (int pid = 0; pid < 256; pid++) {
            boolean ordinary = pid <= 0x3F || pid == 0x5F;
            assertEquals(!ordinary, MessageKind.ofTpPid(pid).isProtected(), String.format("TP-PID %02X", pid));
        }
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.ofTpPid(0x7C), "ANSI-136 R-DATA goes to the card");
        assertEquals(MessageKind.REPLACE, MessageKind.ofTpPid(0x43));
        assertEquals(MessageKind.TYPE_0, MessageKind.ofTpPid(0x40));
        assertEquals(MessageKind.RESERVED_PID, MessageKind.ofTpPid(0xC5));
        assertEquals(MessageKind.ofTpPid(0x7F), MessageKind.ofTpPid(0x17F), "only the low octet is read");
    }

    @ParameterizedTest(name = "TP-DCS {0} class 2: {1}")
    @CsvSource({
        "00, false", "04, false", "08, false", "10, false", "11, false", "12, true", "16, true", "1A, true",
        "13, false", "02, false", "32, true", "52, true", "56, true", "72, true", "F2, true", "F6, true",
        "F1, false", "F4, false", "C2, false", "D2, false", "E2, false", "82, false", "B6, false"})
    void class2DataCodingSchemes(String dcs, boolean class2) {
        assertEquals(class2, CardMarkers.isClass2(Integer.parseInt(dcs, 16)));
    }

    @Test
    void simToolkitHeadersAreTheWholeRange() {
        for (int iei = 0; iei < 256; iei++) {
            assertEquals(iei >= 0x70 && iei <= 0x7F, CardMarkers.isSimToolkitIei(iei), String.format("IEI %02X", iei));
        }
    }

    @Test
    void theWholeSmDecidesTheKind() {
        int[] none = {};
        assertEquals(MessageKind.ORDINARY, MessageKind.of(0x00, 0x04, none));
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.of(0x00, 0x04, new int[] {0x70}), "command packet");
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.of(0x00, 0x04, new int[] {0x05, 0x71}), "response packet");
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.of(0x00, 0x16, none), "class 2");
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.of(0x48, 0xF6, none), "class 2 outranks a trigger");
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.of(0x41, 0x04, new int[] {0x7F}));
        assertEquals(MessageKind.TRIGGER, MessageKind.of(0x48, 0x04, new int[] {0x05}));
        assertEquals(MessageKind.ORDINARY, MessageKind.of(0x00, 0x04, new int[] {0x00, 0x05, 0x6F, 0x80}));
        assertTrue(MessageKind.TRIGGER.atLeast(MessageKind.ORDINARY) == MessageKind.TRIGGER);
        assertTrue(MessageKind.REPLACE.atLeast(MessageKind.TRIGGER) == MessageKind.TRIGGER);
        assertFalse(MessageKind.ORDINARY.isProtected());
    }

    @Test
    void itemsCarryTheirKindFromEveryMarker() {
        InboundItem ota = InboundItem.builder(Ingress.ROUTER_MT, Originator.named("x")).tpPid(0).tpDcs(4)
                .udhIeis(0x70).build();
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, ota.kind());
        assertTrue(ota.describe().contains("UDH IEIs 70"), ota.describe());
        InboundItem class2 = InboundItem.builder(Ingress.ROUTER_MT, Originator.named("x")).tpPid(0).tpDcs(0x12).build();
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, class2.kind());
    }
}
