package org.mtcgate.filter.policy;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Ingress;
import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.RequestStatus;
import org.mtcgate.filter.TimeSource;
import org.mtcgate.filter.Verdict;
import org.mtcgate.filter.limit.LimiterRegistry;
import org.mtcgate.filter.limit.PeriodCounter;
import org.mtcgate.filter.limit.Quota;
import org.mtcgate.filter.limit.RateLimit;
import org.mtcgate.filter.limit.TokenBucket;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a policy (YAML, see config/policy.yaml for every rule type) and compiles it. Any mistake is refused
 * with file, line and field; nothing is half-built, and the caller keeps the policy in force.
 */
public final class PolicyLoader {
    private static final Set<String> TOP = Set.of("version", "defaults", "groups", "senders", "home-network",
            "trigger-ports");
    private static final Set<String> DEFAULTS = Set.of("ordinary");
    private static final Set<String> GROUP = Set.of("description", "msisdns", "msisdn-prefixes", "msisdn-ranges",
            "msisdn-files", "imsis", "imsi-prefixes", "external-ids", "external-id-domains", "include");
    private static final Set<String> RANGE = Set.of("from", "to");
    private static final Set<String> SENDER = Set.of("id", "description", "ingress", "identities", "addresses",
            "address-prefixes", "via-gt-prefixes", "tp-oa-prefixes", "grants", "rate", "quota");
    private static final Set<String> GRANT = Set.of("id", "kinds", "to");
    private static final Set<String> RATE = Set.of("per-second", "burst");
    private static final Set<String> QUOTA = Set.of("max", "period");
    private static final Set<String> HOME = Set.of("trigger-sms-sc", "ota-platforms");

    private final LimiterRegistry limiters;
    private final TimeSource time;

    public PolicyLoader(LimiterRegistry limiters, TimeSource time) {
        this.limiters = limiters;
        this.time = time;
    }

    /** Compiles the policy text; {@code lists} opens the number-list files it names. */
    public CompiledPolicy load(String source, String text, ListSource lists) throws ConfigException {
        YamlNode root = YamlNode.parse(source, new StringReader(text));
        Map<String, YamlNode> top = root.mapping(TOP);
        YamlNode version = top.get("version");
        if (version == null) {
            throw root.error("'version: 1' is required, so that later formats can be told apart");
        }
        if (version.integer(0, Integer.MAX_VALUE) != 1) {
            throw version.error("only version 1 is known");
        }
        Verdict ordinaryDefault = ordinaryDefault(top.get("defaults"));
        Groups groups = new Groups(top.get("groups"), lists);
        List<SenderRule> senders = new ArrayList<>();
        Map<Ingress, SenderIndex.Builder> indexes = new EnumMap<>(Ingress.class);
        for (Ingress ingress : Ingress.values()) {
            indexes.put(ingress, new SenderIndex.Builder());
        }
        Set<String> ids = new HashSet<>();
        if (top.containsKey("senders")) {
            for (YamlNode s : top.get("senders").list()) {
                SenderRule rule = sender(s, groups, indexes);
                if (!ids.add(rule.id())) {
                    throw s.error("sender id '" + rule.id() + "' is used twice");
                }
                senders.add(rule);
            }
        }
        if (top.containsKey("home-network")) {
            senders.addAll(homeNetwork(top.get("home-network"), indexes));
        }
        Map<Ingress, SenderIndex> built = new EnumMap<>(Ingress.class);
        indexes.forEach((k, v) -> built.put(k, v.build()));
        return new CompiledPolicy(source, digest(text), built, ordinaryDefault, senders, groups.compiled(),
                TriggerPorts.read(top.get("trigger-ports")));
    }

    /** After a policy is installed, forget the limiters of senders it dropped. */
    public void retainLimitersOf(CompiledPolicy policy) {
        Set<String> ids = new HashSet<>();
        policy.senders().forEach(s -> ids.add(s.id()));
        limiters.retainOnly(ids);
    }

    private static Verdict ordinaryDefault(YamlNode defaults) throws ConfigException {
        if (defaults == null) {
            return Verdict.allow("default-ordinary", "ordinary SMs pass unless a rule says otherwise");
        }
        YamlNode ordinary = defaults.mapping(DEFAULTS).get("ordinary");
        if (ordinary == null) {
            return Verdict.allow("default-ordinary", "ordinary SMs pass unless a rule says otherwise");
        }
        String v = ordinary.requiredText();
        return switch (v) {
            case "allow" -> Verdict.allow("default-ordinary", "ordinary SMs pass unless a rule says otherwise");
            case "deny" -> Verdict.block("default-ordinary", "ordinary SMs pass only from senders granted them",
                    RequestStatus.NOTAUTHORIZED);
            default -> throw ordinary.error("'" + v + "' is neither allow nor deny");
        };
    }

    private SenderRule sender(YamlNode node, Groups groups, Map<Ingress, SenderIndex.Builder> indexes) throws ConfigException {
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
        List<Grant> grants = new ArrayList<>();
        int n = 0;
        for (YamlNode g : required(node, m, "grants").list()) {
            grants.add(grant(id, n++, g, groups));
        }
        TokenBucket bucket = m.containsKey("rate") ? limiters.bucket(id, rate(m.get("rate")), time.nanoTime()) : null;
        PeriodCounter counter = m.containsKey("quota") ? limiters.counter(id, quota(m.get("quota"))) : null;
        SenderRule rule = new SenderRule(id, ingresses, digits(m.get("via-gt-prefixes"), true),
                digits(m.get("tp-oa-prefixes"), true), grants, bucket, counter);
        int keys = 0;
        for (Ingress ingress : ingresses) {
            SenderIndex.Builder index = indexes.get(ingress);
            if (m.containsKey("identities")) {
                for (String identity : m.get("identities").texts()) {
                    index.identity(identity, rule);
                    keys++;
                }
            }
            if (m.containsKey("addresses")) {
                for (YamlNode a : m.get("addresses").list()) {
                    index.address(digitString(a), rule);
                    keys++;
                }
            }
            if (m.containsKey("address-prefixes")) {
                for (YamlNode a : m.get("address-prefixes").list()) {
                    index.addressPrefix(digitString(a), rule);
                    keys++;
                }
            }
        }
        if (keys == 0) {
            throw node.error("sender '" + id + "' needs identities, addresses or address-prefixes to be recognised by");
        }
        return rule;
    }

    private static Grant grant(String senderId, int n, YamlNode node, Groups groups) throws ConfigException {
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
        UeSet targets = groups.target(required(node, m, "to"));
        String reason = "sender " + senderId + " may send " + String.join(", ", kinds.stream().map(MessageKind::policyName).toList())
                + " SMs to " + targets.name();
        return new Grant(id, Set.copyOf(kinds), targets, Verdict.allow(id, reason));
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
        Duration period = duration(p);
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(366)) > 0) {
            throw p.error("must be from 1s to 366d");
        }
        return new Quota(max, period);
    }

    /** Parses 30s, 15m, 1h, 1d. */
    static Duration duration(YamlNode node) throws ConfigException {
        String t = node.requiredText();
        if (!t.matches("[0-9]{1,6}[smhd]")) {
            throw node.error("'" + t + "' is not a period such as 30s, 15m, 1h or 1d");
        }
        long n = Long.parseLong(t.substring(0, t.length() - 1));
        return switch (t.charAt(t.length() - 1)) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /**
     * The home network's own trusted sources (TS 33.187 6.1): the home SMS-SCs that handle triggers may send
     * trigger SMs through the router, when both their SM-RP-OA and the SCCP calling GT are theirs; the OTA
     * platform's SIM and ME data download SMs pass the router when they come through a home SMS-SC with the
     * platform's number as TP-OA, and pass Tsms when the platform itself submits them.
     */
    private static List<SenderRule> homeNetwork(YamlNode node, Map<Ingress, SenderIndex.Builder> indexes) throws ConfigException {
        Map<String, YamlNode> m = node.mapping(HOME);
        List<SenderRule> out = new ArrayList<>();
        List<String> smsc = new ArrayList<>();
        if (m.containsKey("trigger-sms-sc")) {
            for (YamlNode a : m.get("trigger-sms-sc").list()) {
                smsc.add(digitString(a));
            }
        }
        DigitSet smscSet = exactDigits(smsc);
        if (!smsc.isEmpty()) {
            String id = "home-network.trigger-sms-sc";
            SenderRule rule = new SenderRule(id, EnumSet.of(Ingress.ROUTER_MT), smscSet, null,
                    List.of(new Grant(id, Set.of(MessageKind.TRIGGER), UeSet.everyUe(),
                            Verdict.allow(id, "trigger SM from a home SMS-SC that handles triggers (TS 33.187 6.1)"))),
                    null, null);
            smsc.forEach(a -> indexes.get(Ingress.ROUTER_MT).address(a, rule));
            out.add(rule);
        }
        if (m.containsKey("ota-platforms")) {
            List<String> ota = new ArrayList<>();
            for (YamlNode a : m.get("ota-platforms").list()) {
                ota.add(digitString(a));
            }
            Set<MessageKind> otaKinds = Set.of(MessageKind.SIM_DATA_DOWNLOAD, MessageKind.ME_DATA_DOWNLOAD);
            String id = "home-network.ota-platform";
            SenderRule tsms = new SenderRule(id + ".tsms", EnumSet.of(Ingress.TSMS), null, null,
                    List.of(new Grant(id + ".tsms", otaKinds, UeSet.everyUe(),
                            Verdict.allow(id + ".tsms", "SIM/ME data download from the home OTA platform"))), null, null);
            ota.forEach(a -> indexes.get(Ingress.TSMS).address(a, tsms));
            out.add(tsms);
            if (!smsc.isEmpty()) {
                SenderRule router = new SenderRule(id + ".router", EnumSet.of(Ingress.ROUTER_MT), smscSet, exactDigits(ota),
                        List.of(new Grant(id + ".router", otaKinds, UeSet.everyUe(),
                                Verdict.allow(id + ".router", "SIM/ME data download from the home OTA platform through a home SMS-SC"))),
                        null, null);
                smsc.forEach(a -> indexes.get(Ingress.ROUTER_MT).address(a, router));
                out.add(router);
            }
        }
        return out;
    }

    private static DigitSet exactDigits(List<String> numbers) {
        DigitSet.Builder b = new DigitSet.Builder();
        numbers.forEach(b::addExact);
        return b.build();
    }

    private static DigitSet digits(YamlNode node, boolean prefixes) throws ConfigException {
        if (node == null) {
            return null;
        }
        DigitSet.Builder b = new DigitSet.Builder();
        for (YamlNode n : node.list()) {
            String d = digitString(n);
            if (prefixes) {
                b.addPrefix(d);
            } else {
                b.addExact(d);
            }
        }
        return b.build();
    }

    private static String digitString(YamlNode node) throws ConfigException {
        String t = node.requiredText();
        if (t.startsWith("+")) {
            t = t.substring(1);
        }
        if (!t.matches("[0-9]{1,17}")) {
            throw node.error("'" + node.text() + "' is not a number of 1 to 17 digits");
        }
        return t;
    }

    private static YamlNode required(YamlNode parent, Map<String, YamlNode> m, String key) throws ConfigException {
        YamlNode v = m.get(key);
        if (v == null) {
            throw new ConfigException(parent.source(), parent.line(), parent.path().isEmpty() ? key : parent.path() + "." + key, "is required");
        }
        return v;
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The named groups, compiled on first use so that includes resolve in any order and cycles are caught. */
    private static final class Groups {
        private final Map<String, YamlNode> specs;
        private final ListSource lists;
        private final Map<String, UeSet> compiled = new LinkedHashMap<>();
        private final Set<String> inProgress = new HashSet<>();

        Groups(YamlNode node, ListSource lists) throws ConfigException {
            this.specs = node == null ? Map.of() : node.mapping(null);
            this.lists = lists;
            for (String name : specs.keySet()) {
                if (name.equals("all")) {
                    throw specs.get(name).error("'all' is reserved: it means every UE");
                }
                named(name, specs.get(name));
            }
        }

        Map<String, UeSet> compiled() {
            return new HashMap<>(compiled);
        }

        /** A grant's "to": all, a list of group names, or an inline group. */
        UeSet target(YamlNode to) throws ConfigException {
            if (to.isScalar() && to.requiredText().equals("all")) {
                return UeSet.everyUe();
            }
            if (to.isMapping()) {
                return build(to.path(), to);
            }
            List<UeSet> members = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (YamlNode n : to.list()) {
                String name = n.requiredText();
                if (name.equals("all")) {
                    return UeSet.everyUe();
                }
                members.add(named(name, n));
                names.add(name);
            }
            if (members.size() == 1) {
                return members.get(0);
            }
            return new UeSet(String.join("+", names), false, DigitSet.EMPTY, DigitSet.EMPTY, Set.of(), Set.of(), members);
        }

        private UeSet named(String name, YamlNode reference) throws ConfigException {
            UeSet done = compiled.get(name);
            if (done != null) {
                return done;
            }
            YamlNode spec = specs.get(name);
            if (spec == null) {
                throw reference.error("unknown group '" + name + "'" + (specs.isEmpty() ? "" : "; groups are " + String.join(", ", specs.keySet())));
            }
            if (!inProgress.add(name)) {
                throw reference.error("group '" + name + "' includes itself");
            }
            UeSet set = build(name, spec);
            inProgress.remove(name);
            compiled.put(name, set);
            return set;
        }

        private UeSet build(String name, YamlNode spec) throws ConfigException {
            Map<String, YamlNode> m = spec.mapping(GROUP);
            DigitSet.Builder msisdns = new DigitSet.Builder();
            if (m.containsKey("msisdns")) {
                for (YamlNode n : m.get("msisdns").list()) {
                    msisdns.addExact(checked(n, true));
                }
            }
            if (m.containsKey("msisdn-prefixes")) {
                for (YamlNode n : m.get("msisdn-prefixes").list()) {
                    msisdns.addPrefix(digitString(n));
                }
            }
            if (m.containsKey("msisdn-ranges")) {
                for (YamlNode r : m.get("msisdn-ranges").list()) {
                    Map<String, YamlNode> rm = r.mapping(RANGE);
                    String from = digitString(required(r, rm, "from"));
                    String to = digitString(required(r, rm, "to"));
                    try {
                        msisdns.addRange(from, to);
                    } catch (IllegalArgumentException e) {
                        throw r.error(e.getMessage());
                    }
                }
            }
            if (m.containsKey("msisdn-files")) {
                for (YamlNode f : m.get("msisdn-files").list()) {
                    readList(f, msisdns);
                }
            }
            DigitSet.Builder imsis = new DigitSet.Builder();
            if (m.containsKey("imsis")) {
                for (YamlNode n : m.get("imsis").list()) {
                    imsis.addExact(checked(n, false));
                }
            }
            if (m.containsKey("imsi-prefixes")) {
                for (YamlNode n : m.get("imsi-prefixes").list()) {
                    imsis.addPrefix(digitString(n));
                }
            }
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
                    String d = n.requiredText().toLowerCase(java.util.Locale.ROOT);
                    if (d.contains("@") || !d.matches("[a-z0-9.-]+")) {
                        throw n.error("'" + d + "' is not a domain name");
                    }
                    domains.add(d);
                }
            }
            List<UeSet> includes = new ArrayList<>();
            if (m.containsKey("include")) {
                for (YamlNode n : m.get("include").list()) {
                    includes.add(named(n.requiredText(), n));
                }
            }
            return new UeSet(name, false, msisdns.build(), imsis.build(), externalIds, domains, includes);
        }

        private static String checked(YamlNode n, boolean msisdn) throws ConfigException {
            String t = n.requiredText();
            try {
                return msisdn ? Msisdn.of(t).digits() : Imsi.of(t).digits();
            } catch (IllegalArgumentException e) {
                throw n.error(e.getMessage());
            }
        }

        /** One MSISDN a line; blank lines and lines starting with '#' are skipped. */
        private void readList(YamlNode fileNode, DigitSet.Builder into) throws ConfigException {
            String name = fileNode.requiredText();
            String shown = lists.describe(name);
            into.expectExact(1 << 16);
            try (Reader r = lists.open(name); BufferedReader in = new BufferedReader(r, 1 << 16)) {
                String line;
                int lineNo = 0;
                while ((line = in.readLine()) != null) {
                    lineNo++;
                    int start = 0;
                    int end = line.length();
                    while (start < end && line.charAt(start) <= ' ') {
                        start++;
                    }
                    while (end > start && line.charAt(end - 1) <= ' ') {
                        end--;
                    }
                    if (start == end || line.charAt(start) == '#') {
                        continue;
                    }
                    if (line.charAt(start) == '+') {
                        start++;
                    }
                    int len = end - start;
                    if (len < 1 || len > 15) {
                        throw new ConfigException(shown, lineNo, "", "'" + line.trim() + "' is not an MSISDN of 1 to 15 digits");
                    }
                    long v = 0;
                    for (int i = start; i < end; i++) {
                        char c = line.charAt(i);
                        if (c < '0' || c > '9') {
                            throw new ConfigException(shown, lineNo, "", "'" + line.trim() + "' has a non-digit '" + c + "'");
                        }
                        v = v * 10 + (c - '0');
                    }
                    into.addExact(v, len);
                }
            } catch (IOException e) {
                throw fileNode.error("list file '" + shown + "' cannot be read: " + e.getMessage());
            }
        }
    }
}
