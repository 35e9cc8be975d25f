package org.mtcgate.core.config;

import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mtcgate.filter.Zone;
import org.mtcgate.map.dialog.DialogLimits;

import static org.mtcgate.core.config.ConfigReader.address;
import static org.mtcgate.core.config.ConfigReader.duration;
import static org.mtcgate.core.config.ConfigReader.integer;
import static org.mtcgate.core.config.ConfigReader.requiredText;
import static org.mtcgate.core.config.ConfigReader.text;

/**
 * Reads the {@code ss7} section: the node's GT and point code, and its adjacent peers, either as {@code peers}
 * (a list, each with the called-GT prefixes routed to it) or as one {@code association} (the only peer, which
 * then takes every GT).
 */
final class Ss7SettingsReader {
    private static final Set<String> SS7 = Set.of("local-gt", "point-code", "association", "peers", "default-peer", "invoke-timeout",
            "max-incoming-dialogs", "max-incoming-dialogs-per-peer", "unanswered-dialog-timeout");
    private static final Set<String> ASSOCIATION = Set.of("role", "local", "remote", "remote-point-code", "zone");
    private static final Set<String> PEER = Set.of("name", "role", "local", "remote", "point-code", "global-titles", "ssns",
            "zone");
    private static final String SINGLE_PEER = "peer";

    private Ss7SettingsReader() {
    }

    static Ss7Settings read(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(SS7);
        String gt = requiredText(node, m, "local-gt");
        if (!gt.matches("[0-9]{1,15}")) {
            throw m.get("local-gt").error("'" + gt + "' is not an E.164 global title");
        }
        int pc = integer(m, "point-code", 1, 1, 16383);
        Duration invokeTimeout = duration(m, "invoke-timeout", Duration.ofSeconds(10));
        DialogLimits limits = dialogLimits(node, m);
        if (m.containsKey("association") == m.containsKey("peers")) {
            throw node.error("give either 'peers' (a list of adjacent signalling points) or one 'association'");
        }
        if (m.containsKey("association")) {
            if (m.containsKey("default-peer")) {
                throw m.get("default-peer").error("with a single 'association' the peer takes every GT; use 'peers' to name a default");
            }
            Ss7Settings.Peer only = association(m.get("association"));
            checkPointCode(m.get("association"), pc, only.pointCode());
            return new Ss7Settings(gt, pc, List.of(only), only.name(), invokeTimeout, limits);
        }
        List<Ss7Settings.Peer> peers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> pointCodes = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (YamlNode p : m.get("peers").list()) {
            Ss7Settings.Peer peer = peer(p);
            if (!names.add(peer.name())) {
                throw p.error("peer name '" + peer.name() + "' is used twice");
            }
            checkPointCode(p, pc, peer.pointCode());
            if (!pointCodes.add(peer.pointCode())) {
                throw p.error("point code " + peer.pointCode() + " is used by two peers");
            }
            for (String prefix : peer.gtPrefixes()) {
                if (!prefixes.add(prefix)) {
                    throw p.error("global title prefix '" + prefix + "' is routed to two peers");
                }
            }
            peers.add(peer);
        }
        if (peers.isEmpty()) {
            throw m.get("peers").error("at least one peer is needed");
        }
        String defaultPeer = text(m, "default-peer", null);
        if (defaultPeer != null && !names.contains(defaultPeer)) {
            throw m.get("default-peer").error("there is no peer named '" + defaultPeer + "' (peers: " + names + ")");
        }
        return new Ss7Settings(gt, pc, peers, defaultPeer, invokeTimeout, limits);
    }

    /** The caps on received dialogs; the defaults leave most of jSS7's 5000-dialog table to the node's own legs. */
    private static DialogLimits dialogLimits(YamlNode node, Map<String, YamlNode> m) throws ConfigException {
        DialogLimits d = DialogLimits.DEFAULT;
        int total = integer(m, "max-incoming-dialogs", d.maxIncoming(), 1, DialogLimits.TCAP_DIALOGS - 1);
        int perPeer = integer(m, "max-incoming-dialogs-per-peer", Math.min(d.maxIncomingPerPeer(), total), 1, total);
        Duration unanswered = duration(m, "unanswered-dialog-timeout", Duration.ofMillis(d.unansweredAfterMillis()));
        try {
            return new DialogLimits(total, perPeer, unanswered.toMillis());
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }

    private static Ss7Settings.Peer association(YamlNode a) throws ConfigException {
        Map<String, YamlNode> am = a.mapping(ASSOCIATION);
        boolean server = role(am);
        YamlNode local = am.get("local");
        YamlNode remote = am.get("remote");
        if (local == null || remote == null) {
            throw a.error("an association needs 'local' and 'remote' host:port (M3UA over TCP binds both ends)");
        }
        return new Ss7Settings.Peer(SINGLE_PEER, server, address(local), address(remote),
                integer(am, "remote-point-code", 2, 1, 16383), List.of(), List.of(8, 6), zone(am));
    }

    private static Ss7Settings.Peer peer(YamlNode p) throws ConfigException {
        Map<String, YamlNode> pm = p.mapping(PEER);
        String name = requiredText(p, pm, "name");
        if (!name.matches("[A-Za-z0-9_-]{1,24}")) {
            throw pm.get("name").error("'" + name + "' is not 1..24 of letters, digits, '-' and '_'");
        }
        boolean server = role(pm);
        YamlNode local = pm.get("local");
        YamlNode remote = pm.get("remote");
        if (local == null || remote == null) {
            throw p.error("peer '" + name + "' needs 'local' and 'remote' host:port (M3UA over TCP binds both ends)");
        }
        if (!pm.containsKey("point-code")) {
            throw p.error("peer '" + name + "' needs its 'point-code'");
        }
        int pointCode = integer(pm, "point-code", 0, 1, 16383);
        List<String> gts = new ArrayList<>();
        if (pm.containsKey("global-titles")) {
            for (YamlNode g : pm.get("global-titles").list()) {
                String prefix = g.requiredText();
                if (!prefix.matches("[0-9]{1,15}")) {
                    throw g.error("'" + prefix + "' is not an E.164 prefix (1..15 digits)");
                }
                gts.add(prefix);
            }
        }
        List<Integer> ssns = new ArrayList<>();
        if (pm.containsKey("ssns")) {
            for (YamlNode s : pm.get("ssns").list()) {
                ssns.add((int) s.integer(1, 254));
            }
        } else {
            ssns.addAll(List.of(8, 6)); // MSC/SMSC and HLR: what SMS signalling addresses
        }
        return new Ss7Settings.Peer(name, server, address(local), address(remote), pointCode, gts, ssns, zone(pm));
    }

    /** {@code zone: home|interconnect}; interconnect when absent, so that trust is always configured, never assumed. */
    private static Zone zone(Map<String, YamlNode> m) throws ConfigException {
        YamlNode z = m.get("zone");
        if (z == null) {
            return Zone.INTERCONNECT;
        }
        try {
            return Zone.parse(z.requiredText());
        } catch (IllegalArgumentException e) {
            throw z.error(e.getMessage());
        }
    }

    private static boolean role(Map<String, YamlNode> m) throws ConfigException {
        String role = text(m, "role", "server");
        if (!role.equals("server") && !role.equals("client")) {
            throw m.get("role").error("'" + role + "' is neither server (the peer connects here) nor client");
        }
        return role.equals("server");
    }

    private static void checkPointCode(YamlNode at, int own, int peer) throws ConfigException {
        if (own == peer) {
            throw at.error("the peer's point code " + peer + " is this node's own (ss7.point-code)");
        }
    }
}
