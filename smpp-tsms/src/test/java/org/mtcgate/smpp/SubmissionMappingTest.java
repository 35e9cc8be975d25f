package org.mtcgate.smpp;

import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.InboundItem;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.ShortMessage;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** submit_sm and data_sm to the Submission, the SMS-SC's ShortMessage and the filter's InboundItem. */
class SubmissionMappingTest {
    private static final SmeAccount SME = new SmeAccount("tracker", p -> true, List.of(AddressBlock.parse("127.0.0.1")),
            Set.of(BindKind.TRANSCEIVER), 10, List.of("4930123456"));

    private static SubmitSm submit(int esm, int pid, int dcs, byte[] sm, OptionalParameter... tlvs) {
        SubmitSm p = new SubmitSm();
        p.setSourceAddr("4930123456");
        p.setDestAddress("491702000001");
        p.setEsmClass((byte) esm);
        p.setProtocolId((byte) pid);
        p.setDataCoding((byte) dcs);
        p.setShortMessage(sm);
        p.setOptionalParameters(tlvs);
        return p;
    }

    private static InboundItem item(Submission s) {
        return TsmsItems.item(SME, s, Msisdn.of(s.destinationAddress()));
    }

    @Test
    void plainEightBitSubmitKeepsPidDcsAndText() throws Exception {
        Submission s = SubmissionReader.read(submit(0, 0x48, 0x04, new byte[] {1, 2, 3}));
        assertFalse(s.udhi());
        ShortMessage sm = Carriage.shortMessage(s);
        assertEquals(0x48, sm.protocolId());
        assertEquals(0x04, sm.dataCoding());
        assertEquals(InboundItem.NO_PORT, sm.applicationPort());
        assertArrayEquals(new byte[] {1, 2, 3}, sm.userData());
        InboundItem item = item(s);
        assertEquals(Ingress.TSMS, item.ingress());
        assertEquals("tracker", item.originator().identity(), "the bound SME names the originator");
        assertEquals("4930123456", item.originator().address().digits());
        assertEquals(MessageKind.TRIGGER, item.kind());
        assertEquals(3, item.payloadLength());
    }

    @Test
    void udhiWithPortIeIsScreenedByThatPortAndCarriedAsItCame() throws Exception {
        byte[] ud = {0x06, 0x05, 0x04, 0x23, (byte) 0xF0, 0x00, 0x00, 'a', 'b'};
        Submission s = SubmissionReader.read(submit(0x40, 0, 0x04, ud));
        assertTrue(s.udhi());
        ShortMessage sm = Carriage.shortMessage(s);
        assertArrayEquals(new byte[] {0x05, 0x04, 0x23, (byte) 0xF0, 0x00, 0x00}, sm.header(), "the SME's IEs as they came");
        assertEquals(InboundItem.NO_PORT, sm.applicationPort(), "the port stays in the SME's header");
        assertArrayEquals(new byte[] {'a', 'b'}, sm.userData());
        InboundItem item = item(s);
        assertEquals(9200, item.destinationPort());
        assertArrayEquals(new int[] {0x05}, item.udhIeis());
        assertEquals(2, item.payloadLength());
    }

    @Test
    void concatenationIeIsScreenedAsASegmentAndCarriedAsItCame() throws Exception {
        byte[] ud = {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 'x'};
        Submission s = SubmissionReader.read(submit(0x40, 0, 0x04, ud));
        InboundItem item = item(s);
        assertEquals(42, item.segment().reference());
        assertEquals(2, item.segment().total());
        assertEquals(1, item.payloadLength());
        ShortMessage sm = Carriage.shortMessage(s);
        assertArrayEquals(new byte[] {0x00, 0x03, 0x2A, 0x02, 0x01}, sm.header());
        assertArrayEquals(new byte[] {'x'}, sm.userData());
        assertEquals(SmppStatus.INVALID_TLV, assertThrows(SmppRefusal.class, () -> Carriage.shortMessage(SubmissionReader.read(
                submit(0x40, 0, 0x04, ud, new OptionalParameter.Destination_port((short) 9200))))).status());
    }

    @Test
    void simToolkitHeaderMakesItASimDataDownloadWhateverThePid() throws Exception {
        byte[] ud = {0x02, 0x70, 0x00, 0x01};
        InboundItem item = item(SubmissionReader.read(submit(0x40, 0, 0x04, ud)));
        assertEquals(MessageKind.SIM_DATA_DOWNLOAD, item.kind());
    }

    @Test
    void malformedUdhIsRefused() {
        assertEquals(SmppStatus.INVALID_ESM_CLASS, assertThrows(SmppRefusal.class,
                () -> SubmissionReader.read(submit(0x40, 0, 4, new byte[] {0x09, 0x05, 0x04}))).status());
        assertEquals(SmppStatus.INVALID_ESM_CLASS, assertThrows(SmppRefusal.class,
                () -> SubmissionReader.read(submit(0x40, 0, 4, new byte[0]))).status());
        byte[] twoPorts = {0x0C, 0x05, 0x04, 0, 1, 0, 0, 0x05, 0x04, 0x23, (byte) 0xF0, 0, 0};
        assertThrows(SmppRefusal.class, () -> SubmissionReader.read(submit(0x40, 0, 4, twoPorts)));
        byte[] partZero = {0x05, 0x00, 0x03, 1, 2, 0};
        assertThrows(SmppRefusal.class, () -> SubmissionReader.read(submit(0x40, 0, 4, partZero)));
    }

    @Test
    void messagePayloadReplacesShortMessageButNotBoth() throws Exception {
        Submission s = SubmissionReader.read(submit(0, 0, 4, new byte[0],
                new OptionalParameter.Message_payload(new byte[] {7, 8})));
        assertArrayEquals(new byte[] {7, 8}, s.userData());
        assertEquals(SmppStatus.INVALID_TLV, assertThrows(SmppRefusal.class, () -> SubmissionReader.read(submit(0, 0, 4,
                new byte[] {1}, new OptionalParameter.Message_payload(new byte[] {7, 8})))).status());
    }

    @Test
    void dataSmHasPidZeroAndItsPayloadAndPortTlv() throws Exception {
        DataSm p = new DataSm();
        p.setSourceAddr("4930123456");
        p.setDestAddress("491702000001");
        p.setDataCoding((byte) 4);
        p.setOptionalParameters(new OptionalParameter.Message_payload(new byte[] {1}),
                new OptionalParameter.Destination_port((short) 9200));
        Submission s = SubmissionReader.read(p);
        assertEquals(0, s.protocolId());
        assertEquals(9200, s.destinationPort());
        assertEquals(MessageKind.ORDINARY, item(s).kind(), "the policy's trigger-ports raise it, not the reader");
        assertEquals(9200, Carriage.shortMessage(s).applicationPort());
    }

    @Test
    void textGoesAsGsm7BitReservedCodingsAreRefusedEightBitAndUcs2Carried() throws Exception {
        ShortMessage hello = Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x00, "hello".getBytes())));
        assertEquals(0x00, hello.dataCoding());
        assertArrayEquals(new byte[] {0x68, 0x65, 0x6C, 0x6C, 0x6F}, hello.userData(),
                "data_coding 0: one GSM 7-bit septet an octet, as given");
        Submission ucs2 = SubmissionReader.read(submit(0, 0, 0x08, new byte[] {0, 'h'}));
        assertEquals(0x08, Carriage.shortMessage(ucs2).dataCoding(), "UCS2 is carried (octets, as SMPP gives them)");
        Submission reserved = SubmissionReader.read(submit(0, 0, 0x0C, new byte[] {1}));
        assertEquals(SmppStatus.INVALID_DATA_CODING, assertThrows(SmppRefusal.class, () -> Carriage.shortMessage(reserved)).status());
        assertEquals(0x15, Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x15, new byte[] {1}))).dataCoding(),
                "8-bit data with a message class is carried");
    }

    @Test
    void latin1AndIa5TextIsConvertedToGsm7AndWhatItLacksIsRefusedByName() throws Exception {
        // Latin-1 "Grüße {1}": ü and ß are in the basic table, the braces in the extension table (ESC 0x28, ESC 0x29).
        byte[] latin1 = "Grüße {1}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ShortMessage gruesse = Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x03, latin1)));
        assertEquals(0x00, gruesse.dataCoding(), "on the air as GSM 7-bit");
        assertArrayEquals(new byte[] {0x47, 0x72, 0x7E, 0x1E, 0x65, 0x20, 0x1B, 0x28, 0x31, 0x1B, 0x29}, gruesse.userData());
        ShortMessage ia5 = Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x01, "a@b".getBytes())));
        assertArrayEquals(new byte[] {0x61, 0x00, 0x62}, ia5.userData(), "'@' is septet 0x00");

        SmppRefusal grave = assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x01, "a`b".getBytes()))));
        assertEquals(SmppStatus.INVALID_DATA_CODING, grave.status());
        assertTrue(grave.getMessage().contains("character 2 ('`', U+0060)"), grave.getMessage());
        SmppRefusal high = assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x00, new byte[] {0x61, (byte) 0x80}))));
        assertTrue(high.getMessage().contains("octet 2 is 0x80"), high.getMessage());
        SmppRefusal escape = assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x00, new byte[] {0x61, 0x1B}))));
        assertTrue(escape.getMessage().contains("ends with an escape"), escape.getMessage());
        assertEquals(SmppStatus.INVALID_DATA_CODING, assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 0x01, new byte[] {0x61, (byte) 0xE9})))).status(),
                "IA5 has no octets above 0x7F");
    }

    @Test
    void aTextSmWithItsOwnUdhMustFitOneSmInSeptets() throws Exception {
        byte[] udh = {0x06, 0x05, 0x04, 0x23, (byte) 0xF0, 0x00, 0x00}; // UDHL 6: 16-bit ports 9200 -> 0
        byte[] fits = new byte[udh.length + 152];
        System.arraycopy(udh, 0, fits, 0, udh.length);
        java.util.Arrays.fill(fits, udh.length, fits.length, (byte) 'x');
        ShortMessage sm = Carriage.shortMessage(SubmissionReader.read(submit(0x40, 0, 0x00, fits)));
        assertEquals(152, sm.userData().length, "152 septets beside a 7-octet UDH (its 56 bits take 8 septets)");
        byte[] tooLong = java.util.Arrays.copyOf(fits, fits.length + 1);
        tooLong[tooLong.length - 1] = 'x';
        assertEquals(SmppStatus.INVALID_LENGTH, assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0x40, 0, 0x00, tooLong)))).status());
    }

    @Test
    void theSmsScSegmentsLongSmsButAnSmesOwnHeaderMustFitOneSm() throws Exception {
        assertEquals(140, Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 4, new byte[140]))).length());
        assertEquals(1000, Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 4, new byte[0],
                new OptionalParameter.Message_payload(new byte[1000])))).length(), "the SMS-SC concatenates it");
        assertEquals(SmppStatus.INVALID_LENGTH, assertThrows(SmppRefusal.class,
                () -> Carriage.shortMessage(SubmissionReader.read(submit(0, 0, 4, new byte[0],
                        new OptionalParameter.Message_payload(new byte[org.mtcgate.filter.trigger.SmCapacity.MAX_PAYLOAD + 1])))))
                .status(), "more than 255 segments carry");
        byte[] withOwnHeader = new byte[141];
        withOwnHeader[0] = 0x05;
        withOwnHeader[1] = 0x00;
        withOwnHeader[2] = 0x03;
        withOwnHeader[3] = 0x01;
        withOwnHeader[4] = 0x02;
        withOwnHeader[5] = 0x01;
        assertEquals(SmppStatus.INVALID_LENGTH, assertThrows(SmppRefusal.class, () -> Carriage.shortMessage(
                SubmissionReader.read(submit(0x40, 0, 4, new byte[0], new OptionalParameter.Message_payload(withOwnHeader)))))
                .status(), "a part the SME made itself must fit one SM");
    }

    @Test
    void esmClassOtherThanStoreAndForwardOfADefaultMessageIsRefused() {
        for (int esm : new int[] {0x01, 0x02, 0x04, 0x08, 0x80}) {
            assertEquals(SmppStatus.INVALID_ESM_CLASS, assertThrows(SmppRefusal.class,
                    () -> SubmissionReader.read(submit(esm, 0, 4, new byte[] {1}))).status(), "esm_class " + esm);
        }
    }

    @Test
    void alphanumericSourceNamesTheSmeButGivesNoNumber() {
        Submission s = new Submission("ACME", "491702000001", 0, 0, 4, false, 0, new byte[0], null,
                InboundItem.NO_PORT, InboundItem.NO_PORT, "", "");
        assertNull(item(s).originator().address());
    }
}
