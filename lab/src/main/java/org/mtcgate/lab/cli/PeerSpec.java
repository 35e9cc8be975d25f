package org.mtcgate.lab.cli;

import org.mtcgate.filter.Zone;
import org.mtcgate.map.stack.AssociationRole;
import org.mtcgate.map.stack.RemotePeer;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A {@code --peer} value: comma-separated {@code key=value}, lists joined with '+':
 * {@code name=hlr,role=client,local=127.0.0.1:2907,remote=127.0.0.1:2908,pc=3,ssn=6,prefixes=4917200000+4917300,rc=100,zone=home}.
 * Defaults: role client, ssn 8, no prefixes, rc 100, zone interconnect.
 */
final class PeerSpec {
    private PeerSpec() {
    }

    static RemotePeer parse(String text) {
        RemotePeer.Builder b = null;
        String name = null;
        AssociationRole role = AssociationRole.CLIENT;
        HostPort local = null;
        HostPort remote = null;
        Integer pc = null;
        List<Integer> ssns = List.of(8);
        List<String> prefixes = List.of();
        long rc = 100;
        Zone zone = Zone.INTERCONNECT;
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("--peer: expected key=value, got '" + part + "' in '" + text + "'");
            }
            String key = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = part.substring(eq + 1).trim();
            switch (key) {
                case "name" -> name = value;
                case "role" -> role = AssociationRole.valueOf(value.toUpperCase(Locale.ROOT));
                case "local" -> local = HostPort.parse(value);
                case "remote" -> remote = HostPort.parse(value);
                case "pc" -> pc = Integer.parseInt(value);
                case "ssn", "ssns" -> {
                    List<Integer> list = new ArrayList<>();
                    for (String s : value.split("\\+")) {
                        list.add(Integer.parseInt(s));
                    }
                    ssns = list;
                }
                case "prefix", "prefixes" -> prefixes = List.of(value.split("\\+"));
                case "rc" -> rc = Long.parseLong(value);
                case "zone" -> zone = Zone.parse(value);
                default -> throw new IllegalArgumentException("--peer: unknown key '" + key + "' in '" + text
                        + "' (name, role, local, remote, pc, ssn, prefixes, rc, zone)");
            }
        }
        if (name == null || local == null || remote == null || pc == null) {
            throw new IllegalArgumentException("--peer needs name, local, remote and pc: '" + text + "'");
        }
        b = RemotePeer.builder(name).role(role).local(local.host(), local.port()).remote(remote.host(), remote.port())
                .pointCode(pc).ssns(ssns).gtPrefixes(prefixes).routingContext(rc).zone(zone);
        return b.build();
    }
}
