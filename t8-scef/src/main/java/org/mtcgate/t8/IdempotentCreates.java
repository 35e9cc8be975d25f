package org.mtcgate.t8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Retried creates are answered, not repeated. TS 29.122 gives a create no request id, so an SCS/AS that lost a 201
 * can only send the same body again: the same SCS/AS sending the same DeviceTriggering (compared as parsed, so
 * spacing and field order do not matter) within the window gets the first answer (same transaction, same
 * Location) and nothing more is submitted. A create that was refused is forgotten at once, so its retry is decided
 * afresh. Two identical triggers to one UE within the window are one trigger: that is the price, and a trigger is a
 * wake-up call, not a message.
 */
final class IdempotentCreates {
    private record Entry(CompletableFuture<HttpReply> reply, Instant until) {
    }

    private final Map<String, Entry> recent = new ConcurrentHashMap<>();
    private final java.time.Duration window;

    IdempotentCreates(java.time.Duration window) {
        this.window = window;
    }

    /** The first answer to this create within the window, or the answer {@code create} gives now. */
    CompletionStage<HttpReply> once(String scsAsId, DeviceTriggeringBody body, Instant now, Supplier<CompletionStage<HttpReply>> create) {
        String key = scsAsId + "/" + digest(body);
        CompletableFuture<HttpReply> mine = new CompletableFuture<>();
        Entry entry = recent.compute(key, (k, old) -> old != null && old.until().isAfter(now) ? old : new Entry(mine, now.plus(window)));
        if (entry.reply() != mine) {
            return entry.reply();
        }
        create.get().whenComplete((reply, failure) -> {
            if (failure != null || reply.status() != 201) {
                recent.remove(key, entry);
            }
            if (failure != null) {
                mine.completeExceptionally(failure);
            } else {
                mine.complete(reply);
            }
        });
        return mine;
    }

    void sweep(Instant now) {
        recent.values().removeIf(e -> e.until().isBefore(now));
    }

    private static String digest(DeviceTriggeringBody body) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Json.write(body)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is in every Java runtime", e);
        }
    }
}
