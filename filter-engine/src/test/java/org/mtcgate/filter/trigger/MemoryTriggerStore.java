package org.mtcgate.filter.trigger;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trigger store in memory. Not durable: triggers are lost with the process. For tests and throwaway labs;
 * the node uses its durable store.
 */
public final class MemoryTriggerStore implements TriggerStore {
    private final Map<TriggerId, DeviceTrigger> triggers = new ConcurrentHashMap<>();

    @Override
    public CompletionStage<Void> put(DeviceTrigger trigger) {
        triggers.put(trigger.id(), trigger);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public Optional<DeviceTrigger> find(TriggerId id) {
        return Optional.ofNullable(triggers.get(id));
    }

    @Override
    public List<DeviceTrigger> unfinished() {
        return triggers.values().stream().filter(t -> !t.state().finished()).toList();
    }

    public int size() {
        return triggers.size();
    }
}
