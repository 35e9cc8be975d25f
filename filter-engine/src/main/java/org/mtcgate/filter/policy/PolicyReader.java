package org.mtcgate.filter.policy;

import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.limit.Quota;
import org.mtcgate.filter.limit.RateLimit;
import org.mtcgate.filter.policy.spec.ArrivesFromSpec;
import org.mtcgate.filter.policy.spec.GrantSpec;
import org.mtcgate.filter.policy.spec.HomeSpec;
import org.mtcgate.filter.policy.spec.NumberList;
import org.mtcgate.filter.policy.spec.PolicyDocument;
import org.mtcgate.filter.policy.spec.PolicySpec;
import org.mtcgate.filter.policy.spec.SenderSpec;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.mtcgate.filter.policy.YamlFields.required;

/**
 * Reads a policy (YAML, see config/policy.yaml for every rule type) and the number list files it names into
 * spec records, checking everything: any mistake is refused with file, line and field, so that compiling what
 * it returns cannot fail. The one class of the policy domain that touches the file system.
 */
public final class PolicyReader {
    private static final Set<String> TOP = Set.of("version", "defaults", "groups", "senders", "home-network",
            "trigger-ports");
    private static final Set<String> DEFAULTS = Set.of("ordinary");
    private static final Set<String> SENDER = Set.of("id", "description", "ingress", "identities", "addresses",
            "address-prefixes", "via-gt-prefixes", "tp-oa-prefixes", "arrives-from", "grants", "rate", "quota");
    private static final Set<String> GRANT = Set.of("id", "kinds", "to");
    private static final Set<String> RATE = Set.of("per-second", "burst");
    private static final Set<String> QUOTA = Set.of("max", "period");
    private static final Set<String> HOME = Set.of("trigger-sms-sc", "ota-platforms", "gt-prefixes", "arrives-from");
    /** The ingresses whose items carry the signalling link they arrived on. */
    private static final Set<Ingress> MAP_INGRESSES = EnumSet.of(Ingress.ROUTER_MT, Ingress.SMS_IWMSC_MO);

    /** Reads a policy file, resolving its list files beside it. */
    public PolicyDocument readFile(Path policyFile) throws ConfigException {
        String text;
        try {
            text = Files.readString(policyFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(policyFile.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
        return read(policyFile.toString(), text, listsBeside(policyFile));
    }

    /** The list files of a policy file: named relative to it. */
    public static ListSource listsBeside(Path policyFile) {
        Path dir = policyFile.toAbsolutePath().getParent();
        return new ListSource() {
            @Override
            public Reader open(String name) throws IOException {
                return Files.newBufferedReader(dir.resolve(name), StandardCharsets.UTF_8);
            }

            @Override
            public String describe(String name) {
                return policyFile.resolveSibling(name).toString();
            }
        };
    }

    /** Reads the policy text; {@code lists} opens the number-list files it names. */
    public PolicyDocument read(String source, String text, ListSource lists) throws ConfigException {
        YamlNode root = YamlNode.parse(source, new StringReader(text));
        Map<String, YamlNode> top = root.mapping(TOP);
        YamlNode version = top.get("version");
        if (version == null) {
            throw root.error("'version: 1' is required, so that later formats can be told apart");
        }
        if (version.integer(0, Integer.MAX_VALUE) != 1) {
            throw version.error("only version 1 is known");
        }
        boolean ordinaryAllowed = ordinaryAllowed(top.get("defaults"));
        GroupReader groups = new GroupReader(top.get("groups"), lists);
        HomeSpec home = top.containsKey("home-network") ? home(top.get("home-network")) : HomeSpec.NONE;
        List<SenderSpec> senders = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        if (top.containsKey("senders")) {
            for (YamlNode s : top.get("senders").list()) {
                SenderSpec sender = sender(s, groups);
                if (!ids.add(sender.id())) {
                    throw s.error("sender id '" + sender.id() + "' is used twice");
                }
                senders.add(sender);
            }
        }
        PolicySpec spec = new PolicySpec(source, digest(text), ordinaryAllowed, groups.groups(), senders, home,
                triggerPorts(top.get("trigger-ports")));
        return new PolicyDocument(spec, groups.lists());
    }

    /** Reads one number list file again, as after a console edit; a bad line is named with its own line. */
    public NumberList readList(String name, ListSource lists) throws ConfigException {
        try {
            return NumberListReader.read(name, lists);
        } catch (IOException e) {
            throw new ConfigException(lists.describe(name), 0, "", "list file cannot be read: " + e.getMessage());
        }
    }

    /** The lines of a number list file as they are, for editing it. */
    public List<String> listLines(String name, ListSource lists) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Reader r = lists.open(name); BufferedReader in = new BufferedReader(r)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static boolean ordinaryAllowed(YamlNode defaults) throws ConfigException {
        if (defaults == null) {
            return true;
        }
        YamlNode ordinary = defaults.mapping(DEFAULTS).get("ordinary");
        if (ordinary == null) {
            return true;
        }
        String v = ordinary.requiredText();
        return switch (v) {
            case "allow" -> true;
            case "deny" -> false;
            default -> throw ordinary.error("'" + v + "' is neither allow nor deny");
        };
    }

    private static SenderSpec sender(YamlNode node, GroupReader groups) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(SENDER);
        String id = required(node, m, "id").requiredText();
        if (!id.matches("[A-Za-z0-9._:-]+")) {
            throw m.get("id").error("'" + id + "' may use letters, digits and . _ : - only");
        }
        Set<Ingress> ingresses = EnumSet.noneOf(Ingress.class);
        for (YamlNode i : required(node, m, "ingress").list()) {
            try {
                ingresses.add(Ingress.parse(i.requiredText()));
            } catch (IllegalArgumentException e) {
                throw i.error(e.getMessage());
            }
        }
        List<GrantSpec> grants = new ArrayList<>();
        int n = 0;
        for (YamlNode g : required(node, m, "grants").list()) {
            grants.add(grant(id, n++, g, groups));
        }
        RateLimit rate = m.containsKey("rate") ? rate(m.get("rate")) : null;
        Quota quota = m.containsKey("quota") ? quota(m.get("quota")) : null;
        ArrivesFromSpec arrivesFrom = null;
        if (m.containsKey("arrives-from")) {
            if (!MAP_INGRESSES.containsAll(ingresses)) {
                throw m.get("arrives-from").error("arrives-from applies to senders on router-mt and sms-iwmsc-mo only (the ingresses whose "
                        + "signalling link is known); sender '" + id + "' is on " + ingresses);
            }
            arrivesFrom = YamlFields.arrivesFrom(m.get("arrives-from"));
        }
        List<String> viaGt = YamlFields.digitStrings(m.get("via-gt-prefixes"));
        List<String> tpOa = YamlFields.digitStrings(m.get("tp-oa-prefixes"));
        List<String> identities = m.containsKey("identities") && !ingresses.isEmpty() ? m.get("identities").texts() : List.of();
        List<String> addresses = ingresses.isEmpty() ? List.of() : YamlFields.digitStringsOrNone(m.get("addresses"));
        List<String> prefixes = ingresses.isEmpty() ? List.of() : YamlFields.digitStringsOrNone(m.get("address-prefixes"));
        if (identities.size() + addresses.size() + prefixes.size() == 0) {
            throw node.error("sender '" + id + "' needs identities, addresses or address-prefixes to be recognised by");
        }
        return new SenderSpec(id, ingresses, identities, addresses, prefixes, viaGt, tpOa, arrivesFrom, grants, rate, quota);
    }

    private static GrantSpec grant(String senderId, int n, YamlNode node, GroupReader groups) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(GRANT);
        String id = m.containsKey("id") ? senderId + "/" + m.get("id").requiredText() : senderId + "/grant[" + n + "]";
        Set<MessageKind> kinds = EnumSet.noneOf(MessageKind.class);
        for (YamlNode k : required(node, m, "kinds").list()) {
            try {
                kinds.add(MessageKind.parse(k.requiredText()));
            } catch (IllegalArgumentException e) {
                throw k.error(e.getMessage());
            }
        }
        return new GrantSpec(id, kinds, groups.target(required(node, m, "to")));
    }

    private static RateLimit rate(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(RATE);
        double perSecond;
        String t = required(node, m, "per-second").requiredText();
        try {
            perSecond = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw m.get("per-second").error("'" + t + "' is not a number");
        }
        if (!(perSecond > 0) || perSecond > 1e9) {
            throw m.get("per-second").error("must be above 0 and at most 1e9");
        }
        int burst = m.containsKey("burst") ? (int) m.get("burst").integer(1, 1_000_000) : (int) Math.max(1, Math.ceil(perSecond));
        return new RateLimit(perSecond, burst);
    }

    private static Quota quota(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(QUOTA);
        long max = required(node, m, "max").integer(1, 0xFFFF_FFFFL);
        YamlNode p = required(node, m, "period");
        Duration period = YamlFields.duration(p);
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(366)) > 0) {
            throw p.error("must be from 1s to 366d");
        }
        return new Quota(max, period);
    }

    private static HomeSpec home(YamlNode node) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(HOME);
        List<String> smsc = YamlFields.digitStringsOrNone(m.get("trigger-sms-sc"));
        List<String> ota = YamlFields.digitStrings(m.get("ota-platforms"));
        List<String> prefixes = YamlFields.digitStringsOrNone(m.get("gt-prefixes"));
        ArrivesFromSpec arrivesFrom = m.containsKey("arrives-from") ? YamlFields.arrivesFrom(m.get("arrives-from")) : null;
        return new HomeSpec(smsc, ota, prefixes, arrivesFrom);
    }

    /** {@code trigger-ports}: ports 0..65535. */
    private static Set<Integer> triggerPorts(YamlNode node) throws ConfigException {
        Set<Integer> ports = new TreeSet<>();
        if (node != null) {
            for (YamlNode port : node.list()) {
                ports.add((int) port.integer(0, 0xFFFF));
            }
        }
        return ports;
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
