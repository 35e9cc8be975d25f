package org.mtcgate.core.role;

import org.mtcgate.core.config.Ss7Settings;
import org.mtcgate.core.metrics.NodeMetrics;
import org.mtcgate.core.observe.MapEvents;
import org.mtcgate.core.observe.NodeObserver;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.M3uaTap;
import org.mtcgate.map.stack.RemotePeer;
import org.mtcgate.map.stack.Ss7Stack;
import org.mtcgate.map.stack.Ss7StackConfig;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The node's one signalling point, shared by every MAP role, with an M3UA association to each configured peer.
 * It is assembled first and connected once every role has attached its listeners, so that no dialogue arrives
 * before its handler.
 */
public final class Ss7Endpoint implements AutoCloseable {
    private final Ss7Settings settings;
    private final Ss7Stack stack;

    private Ss7Endpoint(Ss7Settings settings, Ss7Stack stack) {
        this.settings = settings;
        this.stack = stack;
    }

    /**
     * @param hlrSubsystem also answer on SSN 6, since SRI-for-SM is addressed to the HLR's subsystem and the SMS
     *                     Router takes it in the HLR's place
     */
    public static Ss7Endpoint assemble(String nodeName, Path dataDir, Ss7Settings s, boolean hlrSubsystem,
                                       NodeObserver observer, NodeMetrics metrics) throws RoleStartException {
        return assemble(nodeName, dataDir, s, hlrSubsystem, observer, metrics, M3uaTap.NONE);
    }

    /** As above, with a tap that sees every M3UA message on every association (the node's signalling capture). */
    public static Ss7Endpoint assemble(String nodeName, Path dataDir, Ss7Settings s, boolean hlrSubsystem,
                                       NodeObserver observer, NodeMetrics metrics, M3uaTap tap) throws RoleStartException {
        Ss7StackConfig.Builder b = Ss7StackConfig.builder()
                .name(nodeName).dataDir(dataDir)
                .localPointCode(s.pointCode())
                .localGlobalTitle(s.localGt())
                .timeouts(s.invokeTimeout().toMillis(), 2 * s.invokeTimeout().toMillis());
        b.localSsns(hlrSubsystem ? new Integer[] {Ss7StackConfig.SSN_MSC, Ss7StackConfig.SSN_HLR}
                : new Integer[] {Ss7StackConfig.SSN_MSC});
        for (Ss7Settings.Peer p : s.peers()) {
            b.peer(RemotePeer.builder(p.name())
                    .role(p.server() ? AssociationRole.SERVER : AssociationRole.CLIENT)
                    .local(p.local().getHostString(), p.local().getPort())
                    .remote(p.remote().getHostString(), p.remote().getPort())
                    .pointCode(p.pointCode())
                    .ssns(p.ssns())
                    .gtPrefixes(p.gtPrefixes())
                    .zone(p.zone())
                    .build());
        }
        b.defaultPeer(s.defaultPeer());
        Ss7Stack stack;
        try {
            stack = Ss7Stack.assemble(b.build(), s.dialogLimits(), tap);
        } catch (Exception e) {
            throw new RoleStartException("ss7: the stack did not start (" + s.peers().stream().map(Ss7Settings.Peer::describe)
                    .collect(Collectors.joining(", ")) + "): " + e.getMessage(), e);
        }
        stack.gate().addRefusalListener(new MapEvents(observer, metrics, "map-gate"));
        stack.onM3uaTraffic(new org.mtcgate.map.stack.M3uaTraffic() {
            @Override
            public void received(String peer) {
                metrics.m3uaAssociation(peer).messageIn();
            }

            @Override
            public void dropped(String peer) {
                metrics.m3uaAssociation(peer).error();
            }

            @Override
            public void sent(String peer) {
                metrics.m3uaAssociation(peer).messageOut();
            }
        });
        stack.onReplyFromWrongLink(new MapEvents(observer, metrics, "ss7-stack")::replyFromWrongLink);
        metrics.peerStates("m3ua", () -> {
            Map<String, Boolean> up = new TreeMap<>();
            s.peers().forEach(p -> up.put(p.name(), stack.isActive(p.name())));
            return up;
        });
        return new Ss7Endpoint(s, stack);
    }

    public Ss7Stack stack() {
        return stack;
    }

    /** Starts the associations. */
    public void connect() throws RoleStartException {
        try {
            stack.connect();
        } catch (Exception e) {
            throw new RoleStartException("ss7: the associations did not start: " + e.getMessage(), e);
        }
    }

    /** The console's {@code show peers} lines for SS7. */
    public void peers(Consumer<String> out) {
        out.accept("SS7 GT " + settings.localGt() + ", PC " + settings.pointCode() + ", M3UA/TCP peers:");
        settings.peers().forEach(p -> out.accept(String.format("  %-12s PC %-5d %-7s %-12s %s%s%s%s", p.name(), p.pointCode(),
                stack.isActive(p.name()) ? "ACTIVE" : "down", p.zone().configName(), p.describe(),
                p.gtPrefixes().isEmpty() ? "" : ", GTs " + String.join(" ", p.gtPrefixes()) + "*",
                p.name().equals(settings.defaultPeer()) ? " (default)" : "",
                stack.originGuardDrops(p.name()) == 0 ? ""
                        : ", " + stack.originGuardDrops(p.name()) + " M3UA DATA dropped for a foreign OPC")));
        if (stack.repliesFromWrongLink() > 0) {
            out.accept("  " + stack.repliesFromWrongLink() + " TCAP replies dropped for arriving over another link than"
                    + " their dialog's peer");
        }
    }

    @Override
    public void close() {
        stack.close();
    }
}
