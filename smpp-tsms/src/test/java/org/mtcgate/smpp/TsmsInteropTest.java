package org.mtcgate.smpp;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.mtcgate.filter.smsc.HeldSm;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SMEs on an independent SMPP implementation (the npm smpp package, run by node) against the Tsms server over real
 * sockets on 127.0.0.1, with a real SMS-SC behind it.
 */
class TsmsInteropTest {
    private static final String ORDINARY = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.OTHER_UE
            + "\",\"hex\":\"48656c6c6f\"}";
    TsmsFixture fx;

    @BeforeEach
    void start() throws Exception {
        NodeSme.requireAvailable();
        fx = new TsmsFixture();
    }

    @AfterEach
    void stop() {
        if (fx != null) { // null when the npm client is missing and the test was skipped before it started
            fx.close();
        }
    }

    @Test
    @DisplayName("a bound SME's submit_sm is filtered, stored by the SMS-SC and answered with its message_id")
    void goodBindAndSubmit() throws Exception {
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", ORDINARY, 0));
        assertEquals(0, NodeSme.first(events, "bind").status());
        NodeSme.Event resp = NodeSme.first(events, "submit_sm");
        assertEquals(0, resp.status(), events.toString());
        List<HeldSm> stored = fx.store.all();
        assertEquals(1, stored.size());
        HeldSm sm = stored.get(0);
        assertEquals("smpp:tracker", sm.id().submitter());
        assertEquals(Long.toString(sm.id().reference()), resp.get("messageId"));
        assertEquals(TsmsFixture.OTHER_UE, sm.recipient().msisdn().digits());
        assertArrayEquals("Hello".getBytes(java.nio.charset.StandardCharsets.US_ASCII), sm.message().userData());
        assertEquals(4, sm.message().dataCoding());
        assertTrue(fx.observer.has("accepted tracker"), fx.observer.lines.toString());
    }

    @Test
    @DisplayName("a wrong password gets ESME_RINVPASWD and is audited")
    void wrongPassword() {
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "guess", ORDINARY, 0));
        assertEquals(SmppStatus.INVALID_PASSWORD, NodeSme.first(events, "bind").status());
        assertTrue(fx.observer.has("bind-refused tracker ESME_RINVPASWD tsms-wrong-password"), fx.observer.lines.toString());
        assertEquals(1, fx.server.counters().bindRefusals());
        assertTrue(fx.store.all().isEmpty());
    }

    @Test
    @DisplayName("an unknown system_id gets ESME_RINVSYSID")
    void unknownSystemId() {
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("nobody", "x", ORDINARY, 0));
        assertEquals(SmppStatus.INVALID_SYSTEM_ID, NodeSme.first(events, "bind").status());
        assertTrue(fx.observer.has("bind-refused nobody ESME_RINVSYSID"), fx.observer.lines.toString());
    }

    @Test
    @DisplayName("a bind from an address outside the SME's blocks gets ESME_RBINDFAIL, password or not")
    void addressNotAllowed() {
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("faraway", "far-pw", ORDINARY, 0));
        assertEquals(SmppStatus.BIND_FAILED, NodeSme.first(events, "bind").status());
        assertTrue(fx.observer.has("bind-refused faraway ESME_RBINDFAIL tsms-address-not-allowed"), fx.observer.lines.toString());
    }

    @Test
    @DisplayName("beyond its submits a second a bind gets ESME_RTHROTTLED")
    void throttled() {
        String sm = "{\"source\":\"4930999124\",\"destination\":\"" + TsmsFixture.OTHER_UE + "\",\"hex\":\"00\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("slow", "slow-pw", sm + "," + sm + "," + sm, 0));
        List<Integer> statuses = NodeSme.all(events, "submit_sm").stream().map(NodeSme.Event::status).toList();
        assertEquals(3, statuses.size(), events.toString());
        assertEquals(0, statuses.get(0));
        assertTrue(statuses.contains(SmppStatus.THROTTLED), statuses.toString());
        assertTrue(fx.server.counters().throttled() >= 1);
        assertTrue(fx.observer.has("refused slow ESME_RTHROTTLED tsms-throttled"));
    }

    @Test
    @DisplayName("TS 33.187 6.1: a trigger SM (TP-PID 0x48) from an SME not trusted for it is refused, audited, not stored")
    void untrustedTrigger() {
        String trigger = "{\"source\":\"4930999123\",\"destination\":\"" + TsmsFixture.TRACKER_UE
                + "\",\"pid\":72,\"hex\":\"0102\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("partner", "prt-pw", trigger, 0));
        assertEquals(0, NodeSme.first(events, "bind").status());
        assertEquals(SmppStatus.REJECTED, NodeSme.first(events, "submit_sm").status());
        assertTrue(fx.observer.has("blocked partner default-deny-trigger TRIGGER"), fx.observer.lines.toString());
        assertTrue(fx.store.all().isEmpty());
        assertTrue(fx.delivery.delivered().isEmpty());
    }

    @Test
    @DisplayName("a trigger SM from the SME trusted for that UE is taken; to another UE it is refused")
    void trustedTrigger() {
        String toTracker = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.TRACKER_UE
                + "\",\"pid\":72,\"hex\":\"0102\"}";
        String toOther = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"pid\":72,\"hex\":\"0102\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", toTracker + "," + toOther, 0));
        List<NodeSme.Event> resps = NodeSme.all(events, "submit_sm");
        assertEquals(0, resps.get(0).status(), events.toString());
        assertEquals(SmppStatus.REJECTED, resps.get(1).status());
        assertEquals(1, fx.store.all().size());
        assertEquals(0x48, fx.store.all().get(0).message().protocolId());
    }

    @Test
    @DisplayName("the source_addr must be one of the bound SME's own addresses: trust follows the bind")
    void sourceAddressNotOwned() {
        String spoofed = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.TRACKER_UE
                + "\",\"pid\":72,\"hex\":\"0102\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("partner", "prt-pw", spoofed, 0));
        assertEquals(SmppStatus.INVALID_SOURCE, NodeSme.first(events, "submit_sm").status());
        assertTrue(fx.observer.has("refused partner ESME_RINVSRCADR tsms-source-not-owned"));
        assertTrue(fx.store.all().isEmpty());
    }

    @Test
    @DisplayName("an unknown subscriber gets ESME_RINVDSTADR")
    void unknownSubscriber() {
        String sm = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.UNKNOWN_UE + "\",\"hex\":\"00\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", sm, 0));
        assertEquals(SmppStatus.INVALID_DESTINATION, NodeSme.first(events, "submit_sm").status());
    }

    @Test
    @DisplayName("registered_delivery 1: a deliver_sm receipt (esm_class 0x04, stat:DELIVRD) follows the SMS-SC's delivery")
    void deliveryReceipt() {
        String sm = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"hex\":\"00\",\"registeredDelivery\":1}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", sm, 1));
        NodeSme.Event resp = NodeSme.first(events, "submit_sm");
        assertEquals(0, resp.status(), events.toString());
        NodeSme.Event receipt = NodeSme.first(events, "deliver_sm");
        assertEquals("4", receipt.get("esmClass"));
        assertTrue(receipt.get("text").startsWith("id:" + resp.get("messageId") + " "), receipt.toString());
        assertTrue(receipt.get("text").contains("stat:DELIVRD"), receipt.toString());
        assertEquals(TsmsFixture.OTHER_UE, receipt.get("source"));
        assertEquals("4930123456", receipt.get("destination"));
        assertEquals(1, fx.delivery.delivered().size());
    }

    @Test
    @DisplayName("data_sm with message_payload and a destination_port TLV is taken like submit_sm")
    void dataSm() {
        String sm = "{\"command\":\"data_sm\",\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"payloadHex\":\"c0ffee\",\"destinationPort\":4000}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", sm, 0));
        assertEquals(0, NodeSme.first(events, "data_sm").status(), events.toString());
        HeldSm held = fx.store.all().get(0);
        assertEquals(4000, held.message().applicationPort());
        assertArrayEquals(new byte[] {(byte) 0xC0, (byte) 0xFF, (byte) 0xEE}, held.message().userData());
    }

    @Test
    @DisplayName("a part of a concatenated SM (esm_class UDHI, IEI 00) is stored with its header as it came")
    void concatenatedPart() {
        String part = "{\"source\":\"4930123456\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"esmClass\":64,\"hex\":\"0500032a020178\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("tracker", "trk-pw", part, 0));
        assertEquals(0, NodeSme.first(events, "submit_sm").status(), events.toString());
        HeldSm held = fx.store.all().get(0);
        assertArrayEquals(new byte[] {0, 3, 0x2A, 2, 1}, held.message().header());
        assertArrayEquals(new byte[] {'x'}, held.message().userData());
        assertEquals("4930123456", held.message().originator(), "the UE sees the SM from the SME's address");
    }

    @Test
    @DisplayName("once a part of a concatenated SM is blocked as protected, its later parts are blocked too")
    void concatenatedAfterABlockedPart() {
        String first = "{\"source\":\"4930999123\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"esmClass\":64,\"pid\":72,\"hex\":\"0500030902" + "0178\"}";
        String second = "{\"source\":\"4930999123\",\"destination\":\"" + TsmsFixture.OTHER_UE
                + "\",\"esmClass\":64,\"hex\":\"0500030902" + "0279\"}";
        List<NodeSme.Event> events = NodeSme.run(fx.scenario("partner", "prt-pw", first + "," + second, 0));
        List<NodeSme.Event> resps = NodeSme.all(events, "submit_sm");
        assertEquals(SmppStatus.REJECTED, resps.get(0).status(), events.toString());
        assertEquals(SmppStatus.REJECTED, resps.get(1).status(), "the ordinary second part of a blocked message");
        assertTrue(fx.observer.has("blocked partner concatenated-protected"), fx.observer.lines.toString());
        assertTrue(fx.store.all().isEmpty());
    }
}
