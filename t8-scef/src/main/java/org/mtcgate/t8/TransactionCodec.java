package org.mtcgate.t8;

import org.mtcgate.filter.trigger.TriggerId;

import java.io.IOException;
import java.time.Instant;

/**
 * A {@link Transaction} as its stored record: JSON with a format number, the request as the SCS/AS sent it (read again
 * with {@link RequestReader} on recovery, so a stored transaction obeys the same rules as a new one), the Reference-Number
 * of the trigger that stands for it, the latest DeliveryResult and whether its delivery report is still to be sent.
 */
final class TransactionCodec {
    static final int FORMAT = 1;

    /** The stored form; {@code keepUntil} in epoch milliseconds. */
    record Stored(int format, String scsAsId, String id, long reference, DeviceTriggeringBody request, String deliveryResult,
                  long keepUntil, boolean reportPending) {
    }

    private TransactionCodec() {
    }

    static String key(Transaction t) {
        return key(t.scsAsId(), t.id());
    }

    static String key(String scsAsId, String id) {
        return scsAsId + "/" + id;
    }

    static byte[] encode(Transaction t) {
        return Json.write(new Stored(FORMAT, t.scsAsId(), t.id(), t.trigger().referenceNumber(), t.content().body(),
                t.deliveryResult(), t.keepUntil().toEpochMilli(), t.reportPending()));
    }

    /** @throws IllegalArgumentException naming what is wrong with the record */
    static Transaction decode(byte[] record) {
        Stored s;
        try {
            // The format first: a record of another format need not have this one's fields.
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(record);
            com.fasterxml.jackson.databind.JsonNode format = tree == null ? null : tree.get("format");
            if (format == null || !format.isInt() || format.intValue() != FORMAT) {
                throw new IllegalArgumentException("transaction record format " + (format == null ? "missing" : format.toString())
                        + "; this node reads " + FORMAT);
            }
            s = Json.MAPPER.treeToValue(tree, Stored.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a transaction record: " + e.getMessage(), e);
        }
        RequestReader.Outcome read = RequestReader.read(Json.write(s.request()));
        if (read.problem() != null) {
            throw new IllegalArgumentException("the stored request is not valid: " + read.problem().detail());
        }
        return new Transaction(s.scsAsId(), s.id(), new TriggerId(s.scsAsId(), s.reference()), read.content(), s.deliveryResult(),
                Instant.ofEpochMilli(s.keepUntil()), s.reportPending());
    }
}
