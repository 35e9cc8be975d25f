package org.mtcgate.smpp;

import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.store.RecordStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Objects;

/**
 * One receipt as {@link RecordStore} keeps it: the SM it is for, the request, and once the SMS-SC reported the SM's
 * final outcome, that outcome and when (the receipt is then due, and waits only for a receiver bind).
 *
 * <p>Encoding, version 1: version octet, state octet (0 expected, 1 due), submitter, reference, system_id,
 * message_id, SME address, UE address (each string as modified UTF-8 with a length, absent as a flag octet 0),
 * submitted and expiry as epoch milliseconds, the on-failure-only flag; when due, the outcome's name and its time.
 *
 * @param outcome null while the SM's outcome is not known
 * @param at      when the outcome was known; null with it
 */
record ReceiptRecord(SmId id, ReceiptRequest request, SmOutcome outcome, Instant at) {
    private static final int VERSION = 1;
    private static final int EXPECTED = 0;
    private static final int DUE = 1;

    ReceiptRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(request, "request");
        if ((outcome == null) != (at == null)) {
            throw new IllegalArgumentException("an outcome goes with its time");
        }
    }

    static ReceiptRecord expected(SmId id, ReceiptRequest request) {
        return new ReceiptRecord(id, request, null, null);
    }

    boolean due() {
        return outcome != null;
    }

    /** The record's key in the store: the SM's name at the SMS-SC. */
    static String key(SmId id) {
        return id.toString();
    }

    byte[] encode() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(due() ? DUE : EXPECTED);
            out.writeUTF(id.submitter());
            out.writeLong(id.reference());
            out.writeUTF(request.systemId());
            out.writeUTF(request.messageId());
            optional(out, request.smeAddress());
            optional(out, request.ueAddress());
            out.writeLong(request.submittedAt().toEpochMilli());
            out.writeLong(request.expiresAt().toEpochMilli());
            out.writeBoolean(request.onFailureOnly());
            if (due()) {
                out.writeUTF(outcome.name());
                out.writeLong(at.toEpochMilli());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("in memory", e);
        }
        return bytes.toByteArray();
    }

    /** @throws IllegalArgumentException naming what is wrong with the bytes */
    static ReceiptRecord decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalArgumentException("receipt record version " + version + ", this node reads " + VERSION);
            }
            int state = in.readUnsignedByte();
            if (state != EXPECTED && state != DUE) {
                throw new IllegalArgumentException("receipt record state " + state);
            }
            SmId id = new SmId(in.readUTF(), in.readLong());
            ReceiptRequest request = new ReceiptRequest(in.readUTF(), in.readUTF(), optional(in), optional(in),
                    Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()), in.readBoolean());
            SmOutcome outcome = null;
            Instant at = null;
            if (state == DUE) {
                outcome = SmOutcome.valueOf(in.readUTF());
                at = Instant.ofEpochMilli(in.readLong());
            }
            if (in.available() != 0) {
                throw new IllegalArgumentException(in.available() + " octets after the receipt record");
            }
            return new ReceiptRecord(id, request, outcome, at);
        } catch (IOException e) {
            throw new IllegalArgumentException("receipt record cut short (" + data.length + " octets)", e);
        }
    }

    private static void optional(DataOutputStream out, String value) throws IOException {
        out.writeBoolean(value != null);
        if (value != null) {
            out.writeUTF(value);
        }
    }

    private static String optional(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
