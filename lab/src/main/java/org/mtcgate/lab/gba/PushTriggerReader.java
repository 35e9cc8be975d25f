package org.mtcgate.lab.gba;

import org.mtcgate.gba.push.PushRejectedException;
import org.mtcgate.map.tpdu.SmsDeliver;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One UE's reading of the trigger SMs its MSC delivered: concatenated SMs reassembled, then the payload read as a
 * GBA-Push-protected trigger by a {@link PushTriggerUe}, or reported as plain (refused when the UE requires
 * protection). Each complete trigger gives one line of what the UE made of it. Thread-safe.
 */
public final class PushTriggerReader {
    private final String name;
    private final PushTriggerUe ue;
    private final boolean requireProtection;
    private final SmReassembly reassembly = new SmReassembly();

    /** @param requireProtection refuse a trigger without the GPI envelope (the UE expects GBA Push) */
    public PushTriggerReader(String name, PushTriggerUe ue, boolean requireProtection) {
        this.name = name;
        this.ue = ue;
        this.requireProtection = requireProtection;
    }

    /** What one complete trigger came to. */
    public sealed interface Result permits Read, Plain, Refused {
        String line();
    }

    public record Read(String line, byte[] payload, PushTriggerUe.Read read) implements Result {
    }

    public record Plain(String line, byte[] payload) implements Result {
    }

    public record Refused(String line, PushRejectedException.Kind kind, String reason) implements Result {
    }

    /** The result once {@code sm} completes a trigger; empty while parts are missing. */
    public Optional<Result> delivered(SmsDeliver sm) {
        Optional<byte[]> whole;
        synchronized (reassembly) {
            whole = reassembly.add(sm);
        }
        return whole.map(this::read);
    }

    Result read(byte[] payload) {
        if (!ue.recognises(payload)) {
            if (requireProtection) {
                return new Refused(name + ": trigger refused (NOT_PROTECTED): " + payload.length
                        + " octets without a GPI envelope, and this UE takes GBA Push triggers only", null, "not protected");
            }
            return new Plain(name + ": plain trigger (no GPI envelope), " + payload.length + " octets " + show(payload), payload);
        }
        try {
            PushTriggerUe.Read r = ue.receive(payload);
            return new Read(name + ": GBA Push trigger read: " + show(r.payload()) + " (" + (r.newSa() ? "new GPI: " : "")
                    + "SA " + r.sa().randAtNaf() + ", P-TID " + r.sa().ptid().display() + ", GPL SN " + r.sn() + ")",
                    r.payload(), r);
        } catch (PushRejectedException e) {
            return new Refused(name + ": trigger refused (" + e.kind() + "): " + e.getMessage(), e.kind(), e.getMessage());
        }
    }

    /** Printable ASCII as quoted text, anything else as hex. */
    static String show(byte[] b) {
        for (byte x : b) {
            if (x < 0x20 || x > 0x7E) {
                return "hex " + HexFormat.of().formatHex(b);
            }
        }
        return "\"" + new String(b, StandardCharsets.US_ASCII) + "\"";
    }
}
