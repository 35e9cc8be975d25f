package org.mtcgate.core.store;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.DeliveryOutcome;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SubscriberInfo;
import org.mtcgate.filter.trigger.TriggerId;
import org.mtcgate.filter.trigger.TriggerState;
import org.mtcgate.filter.trigger.UeName;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a {@link DeviceTrigger} into bytes and back for the store. A version octet first, so a later node can
 * read what an earlier one wrote; enums by name, not ordinal, so reordering them cannot corrupt stored state.
 */
final class TriggerCodec {
    private static final int VERSION = 1;

    private TriggerCodec() {
    }

    static String key(TriggerId id) {
        return id.referenceNumber() + "@" + id.scsIdentity();
    }

    static byte[] encode(DeviceTrigger t) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + t.payload().length);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(t.id().scsIdentity());
            out.writeLong(t.id().referenceNumber());
            writeNullable(out, t.ue().externalId() == null ? null : t.ue().externalId().value());
            writeNullable(out, t.ue().msisdn() == null ? null : t.ue().msisdn().digits());
            out.writeUTF(t.subscriber().imsi().digits());
            writeNullable(out, t.subscriber().msisdn() == null ? null : t.subscriber().msisdn().digits());
            out.writeShort(t.subscriber().servingNodes().size());
            for (String node : t.subscriber().servingNodes()) {
                out.writeUTF(node);
            }
            byte[] payload = t.payload();
            out.writeInt(payload.length);
            out.write(payload);
            out.writeInt(t.applicationPort());
            out.writeBoolean(t.priority());
            out.writeLong(t.acceptedAt().toEpochMilli());
            out.writeLong(t.expiresAt().toEpochMilli());
            out.writeUTF(t.state().name());
            writeNullable(out, t.outcome() == null ? null : t.outcome().name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static DeviceTrigger decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new IllegalStateException("stored trigger has format version " + version + "; this node reads " + VERSION);
            }
            TriggerId id = new TriggerId(in.readUTF(), in.readLong());
            String ext = readNullable(in);
            String msisdn = readNullable(in);
            UeName ue = new UeName(ext == null ? null : ExternalId.of(ext), msisdn == null ? null : Msisdn.of(msisdn));
            Imsi imsi = Imsi.of(in.readUTF());
            String subMsisdn = readNullable(in);
            int nodes = in.readUnsignedShort();
            List<String> serving = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                serving.add(in.readUTF());
            }
            byte[] payload = new byte[in.readInt()];
            in.readFully(payload);
            int port = in.readInt();
            boolean priority = in.readBoolean();
            Instant accepted = Instant.ofEpochMilli(in.readLong());
            Instant expires = Instant.ofEpochMilli(in.readLong());
            TriggerState state = TriggerState.valueOf(in.readUTF());
            String outcome = readNullable(in);
            return new DeviceTrigger(id, ue, new SubscriberInfo(imsi, subMsisdn == null ? null : Msisdn.of(subMsisdn), serving),
                    payload, port, priority, accepted, expires, state, outcome == null ? null : DeliveryOutcome.valueOf(outcome));
        } catch (IOException e) {
            throw new UncheckedIOException("stored trigger is truncated", e);
        }
    }

    private static void writeNullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) {
            out.writeUTF(s);
        }
    }

    private static String readNullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
