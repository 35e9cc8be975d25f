package org.mtcgate.core.store;

import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.HeldSmState;
import org.mtcgate.filter.smsc.ShortMessage;
import org.mtcgate.filter.smsc.SmId;
import org.mtcgate.filter.smsc.SmOutcome;
import org.mtcgate.filter.smsc.SmRecipient;
import org.mtcgate.filter.trigger.DeviceTrigger;
import org.mtcgate.filter.trigger.SmsScSubmitter;

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
 * Turns a {@link HeldSm} into bytes and back for the SMS-SC's store. A version octet first; enums by name. Version
 * 1 is what an SMS-SC wrote before it had a model of its own (a device trigger, {@link TriggerCodec}): such a
 * record is read as the SM that carries the trigger, so SMs held across the upgrade are still delivered. Version 2
 * had no user data header flag (every SM then was without one); version 3 adds it after the user data.
 */
final class HeldSmCodec {
    private static final int VERSION = 3;
    private static final int WITHOUT_HEADER_FLAG = 2;

    private HeldSmCodec() {
    }

    static String key(SmId id) {
        return id.reference() + "@" + id.submitter();
    }

    static byte[] encode(HeldSm sm) {
        ShortMessage m = sm.message();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 + m.length());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeUTF(sm.id().submitter());
            out.writeLong(sm.id().reference());
            out.writeUTF(sm.recipient().imsi().digits());
            out.writeBoolean(sm.recipient().msisdn() != null);
            if (sm.recipient().msisdn() != null) {
                out.writeUTF(sm.recipient().msisdn().digits());
            }
            out.writeShort(sm.recipient().servingNodes().size());
            for (String node : sm.recipient().servingNodes()) {
                out.writeUTF(node);
            }
            out.writeShort(m.protocolId());
            out.writeShort(m.dataCoding());
            out.writeInt(m.applicationPort());
            out.writeBoolean(m.priority());
            byte[] data = m.userData();
            out.writeInt(data.length);
            out.write(data);
            out.writeBoolean(m.userDataHeader());
            out.writeLong(sm.acceptedAt().toEpochMilli());
            out.writeLong(sm.expiresAt().toEpochMilli());
            out.writeUTF(sm.state().name());
            out.writeBoolean(sm.outcome() != null);
            if (sm.outcome() != null) {
                out.writeUTF(sm.outcome().name());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static HeldSm decode(byte[] data) {
        if (data.length > 0 && data[0] == 1) {
            return fromTrigger(TriggerCodec.decode(data));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readUnsignedByte();
            if (version != VERSION && version != WITHOUT_HEADER_FLAG) {
                throw new IllegalStateException("stored SM has format version " + version + "; this node reads 1 to " + VERSION);
            }
            SmId id = new SmId(in.readUTF(), in.readLong());
            Imsi imsi = Imsi.of(in.readUTF());
            Msisdn msisdn = in.readBoolean() ? Msisdn.of(in.readUTF()) : null;
            int nodes = in.readUnsignedShort();
            List<String> serving = new ArrayList<>(nodes);
            for (int i = 0; i < nodes; i++) {
                serving.add(in.readUTF());
            }
            int pid = in.readUnsignedShort();
            int dcs = in.readUnsignedShort();
            int port = in.readInt();
            boolean priority = in.readBoolean();
            byte[] userData = new byte[in.readInt()];
            in.readFully(userData);
            boolean header = version >= VERSION && in.readBoolean();
            Instant accepted = Instant.ofEpochMilli(in.readLong());
            Instant expires = Instant.ofEpochMilli(in.readLong());
            HeldSmState state = HeldSmState.valueOf(in.readUTF());
            SmOutcome outcome = in.readBoolean() ? SmOutcome.valueOf(in.readUTF()) : null;
            return new HeldSm(id, new SmRecipient(imsi, msisdn, serving), new ShortMessage(pid, dcs, port, priority, userData, header),
                    accepted, expires, state, outcome);
        } catch (IOException e) {
            throw new UncheckedIOException("stored SM is truncated", e);
        }
    }

    /** A trigger record of an earlier SMS-SC, as the SM that carries it, in the state it had reached. */
    static HeldSm fromTrigger(DeviceTrigger t) {
        HeldSm sm = SmsScSubmitter.heldSm(t);
        return switch (t.state()) {
            case ACCEPTED, SUBMITTED -> sm;
            case DELIVERED -> sm.withState(HeldSmState.DELIVERED, SmOutcome.DELIVERED);
            case EXPIRED -> sm.withState(HeldSmState.EXPIRED, SmOutcome.EXPIRED);
            case UNDELIVERABLE -> sm.withState(HeldSmState.UNDELIVERABLE, SmOutcome.UNDELIVERABLE);
            case RECALLED -> sm.withState(HeldSmState.RECALLED, null);
            case REPLACED -> sm.withState(HeldSmState.REPLACED, null);
        };
    }
}
