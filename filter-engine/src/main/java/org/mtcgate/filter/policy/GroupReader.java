package org.mtcgate.filter.policy;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.policy.spec.GroupSpec;
import org.mtcgate.filter.policy.spec.NumberList;
import org.mtcgate.filter.policy.spec.TargetSpec;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.mtcgate.filter.policy.YamlFields.digitString;
import static org.mtcgate.filter.policy.YamlFields.required;

/**
 * Reads the named groups and the grants' targets, resolving group names on first use so that includes may come
 * in any order and a group that includes itself is caught; reads each list file a group names once.
 */
final class GroupReader {
    private static final Set<String> GROUP = Set.of("description", "msisdns", "msisdn-prefixes", "msisdn-ranges",
            "msisdn-files", "imsis", "imsi-prefixes", "external-ids", "external-id-domains", "include");
    private static final Set<String> RANGE = Set.of("from", "to");

    private final Map<String, YamlNode> nodes;
    private final ListSource lists;
    private final Map<String, GroupSpec> read = new LinkedHashMap<>();
    private final Map<String, NumberList> listsRead = new LinkedHashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    GroupReader(YamlNode node, ListSource lists) throws ConfigException {
        this.nodes = node == null ? Map.of() : node.mapping(null);
        this.lists = lists;
        for (String name : nodes.keySet()) {
            if (name.equals("all")) {
                throw nodes.get(name).error("'all' is reserved: it means every UE");
            }
            named(name, nodes.get(name));
        }
    }

    /** The groups in the order written. */
    Map<String, GroupSpec> groups() {
        Map<String, GroupSpec> out = new LinkedHashMap<>();
        nodes.keySet().forEach(name -> out.put(name, read.get(name)));
        return out;
    }

    Map<String, NumberList> lists() {
        return listsRead;
    }

    /** A grant's "to": all, a list of group names, or an inline group. */
    TargetSpec target(YamlNode to) throws ConfigException {
        if (to.isScalar() && to.requiredText().equals("all")) {
            return TargetSpec.ALL;
        }
        if (to.isMapping()) {
            return new TargetSpec(false, List.of(), build(to.path(), to));
        }
        List<String> names = new ArrayList<>();
        for (YamlNode n : to.list()) {
            String name = n.requiredText();
            if (name.equals("all")) {
                return TargetSpec.ALL;
            }
            named(name, n);
            names.add(name);
        }
        return new TargetSpec(false, names, null);
    }

    private void named(String name, YamlNode reference) throws ConfigException {
        if (read.containsKey(name)) {
            return;
        }
        YamlNode spec = nodes.get(name);
        if (spec == null) {
            throw reference.error("unknown group '" + name + "'" + (nodes.isEmpty() ? "" : "; groups are " + String.join(", ", nodes.keySet())));
        }
        if (!inProgress.add(name)) {
            throw reference.error("group '" + name + "' includes itself");
        }
        GroupSpec group = build(name, spec);
        inProgress.remove(name);
        read.put(name, group);
    }

    private GroupSpec build(String name, YamlNode spec) throws ConfigException {
        Map<String, YamlNode> m = spec.mapping(GROUP);
        List<String> msisdns = new ArrayList<>();
        if (m.containsKey("msisdns")) {
            for (YamlNode n : m.get("msisdns").list()) {
                msisdns.add(checked(n, true));
            }
        }
        List<String> msisdnPrefixes = YamlFields.digitStringsOrNone(m.get("msisdn-prefixes"));
        List<GroupSpec.Range> ranges = new ArrayList<>();
        if (m.containsKey("msisdn-ranges")) {
            for (YamlNode r : m.get("msisdn-ranges").list()) {
                Map<String, YamlNode> rm = r.mapping(RANGE);
                String from = digitString(required(r, rm, "from"));
                String to = digitString(required(r, rm, "to"));
                try {
                    // The same check the compiled set makes, so that compiling cannot fail.
                    new DigitSet.Builder().addRange(from, to);
                } catch (IllegalArgumentException e) {
                    throw r.error(e.getMessage());
                }
                ranges.add(new GroupSpec.Range(from, to));
            }
        }
        List<String> files = new ArrayList<>();
        if (m.containsKey("msisdn-files")) {
            for (YamlNode f : m.get("msisdn-files").list()) {
                files.add(readList(f));
            }
        }
        List<String> imsis = new ArrayList<>();
        if (m.containsKey("imsis")) {
            for (YamlNode n : m.get("imsis").list()) {
                imsis.add(checked(n, false));
            }
        }
        List<String> imsiPrefixes = YamlFields.digitStringsOrNone(m.get("imsi-prefixes"));
        Set<String> externalIds = new HashSet<>();
        if (m.containsKey("external-ids")) {
            for (YamlNode n : m.get("external-ids").list()) {
                try {
                    externalIds.add(ExternalId.of(n.requiredText()).value());
                } catch (IllegalArgumentException e) {
                    throw n.error(e.getMessage());
                }
            }
        }
        Set<String> domains = new HashSet<>();
        if (m.containsKey("external-id-domains")) {
            for (YamlNode n : m.get("external-id-domains").list()) {
                String d = n.requiredText().toLowerCase(Locale.ROOT);
                if (d.contains("@") || !d.matches("[a-z0-9.-]+")) {
                    throw n.error("'" + d + "' is not a domain name");
                }
                domains.add(d);
            }
        }
        List<String> includes = new ArrayList<>();
        if (m.containsKey("include")) {
            for (YamlNode n : m.get("include").list()) {
                String included = n.requiredText();
                named(included, n);
                includes.add(included);
            }
        }
        return new GroupSpec(name, msisdns, msisdnPrefixes, ranges, files, imsis, imsiPrefixes, externalIds, domains, includes);
    }

    private static String checked(YamlNode n, boolean msisdn) throws ConfigException {
        String t = n.requiredText();
        try {
            return msisdn ? Msisdn.of(t).digits() : Imsi.of(t).digits();
        } catch (IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
    }

    private String readList(YamlNode fileNode) throws ConfigException {
        String name = fileNode.requiredText();
        if (!listsRead.containsKey(name)) {
            try {
                listsRead.put(name, NumberListReader.read(name, lists));
            } catch (IOException e) {
                throw fileNode.error("list file '" + lists.describe(name) + "' cannot be read: " + e.getMessage());
            }
        }
        return name;
    }
}
