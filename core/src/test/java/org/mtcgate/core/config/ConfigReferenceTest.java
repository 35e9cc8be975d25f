package org.mtcgate.core.config;

import org.junit.jupiter.api.Test;
import org.mtcgate.filter.yaml.ConfigException;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Holds docs/configuration.md to the config reader, so the reference cannot drift from it. The reader's own key sets
 * are the truth: for every section the page documents, an unknown key is written there into a config that enables
 * every role; the reader must refuse it at exactly that place, and the keys it names as allowed must be the rows of
 * the page's table. A section the reader has and the page lacks is caught one level up: its key is then allowed but
 * not documented, or documented as a mapping without a heading of its own.
 */
class ConfigReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "configuration.md");
    private static final String PROBE = "zz-probe";
    private static final Pattern HEADING = Pattern.compile("^### (?:top level|`([a-z0-9.\\[\\]-]+)`)\\s*$");
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\|([^|]+)\\|([^|]+)\\|\\s*$");
    /** Free-form mappings (identities to lists), whose keys are data, not settings. */
    private static final Set<String> FREE_FORM = Set.of("mtc-iwf.scs-identities");

    /** A config every role is on in, with every section present, in the mapping form where a key has two forms. */
    private static final String FULL = """
            node: {name: reference, data-dir: data}
            roles: [mtc-iwf, sms-sc, sms-router, hss, scef, bsf]
            policy: policy.yaml
            subscribers: subscribers.yaml
            diameter:
              identity: mtc-iwf.operator.test
              realm: operator.test
              listen: [{address: "127.0.0.1:5868", tls: at-connect}]
              tls: {certificate: a.crt, key: a.key, trusted-ca: ca.crt}
              watchdog: 30s
              request-timeout: 10s
              max-message: 65536
              peers:
                - {host: scs1.operator.test, role: scs, applications: [tsp]}
                - {host: hss.operator.test, role: hss, connect: "127.0.0.1:3869"}
                - {host: naf1.operator.test, role: naf}
              limits: {max-grouped-depth: 8, max-avps: 1024}
              overload: {max-pending-per-peer: 1000, max-pending-total: 10000, doic-reduction: 50, doic-validity: 10s}
            mtc-iwf:
              default-validity: 1h
              hss: {host: hss.operator.test, cache-ttl: 5m}
              scs-identities: {scs1.operator.test: ["491710000001"]}
              require-gba-push: {external-id-domains: [meters.test], imsis: ["262015500000001"]}
            ss7:
              local-gt: "491720000100"
              point-code: 1
              default-peer: gw
              peers:
                - {name: msc, role: server, local: "127.0.0.1:2905", remote: "127.0.0.1:2906", point-code: 2,
                   global-titles: ["4917200002"], ssns: [8], zone: home}
                - {name: gw, role: client, local: "127.0.0.1:2926", remote: "127.0.0.1:2925", point-code: 4}
            sms-sc: {trigger-originator: "491720000999", hlr: "491720000006"}
            sms-router: {home-mcc-mnc: "26201"}
            tsms:
              listen: "127.0.0.1:2775"
              tls: {certificate: t.crt, key: t.key}
              smes:
                - {system-id: tracking, password-hash: "%1$s", allowed-addresses: ["127.0.0.1"],
                   addresses: ["4930123456"]}
            console:
              users: [{name: lab, password-hash: "%1$s"}]
            metrics: {listen: "127.0.0.1:9464"}
            audit: {dir: audit}
            t8:
              listen: "127.0.0.1:8444"
              tls: {certificate: t8.crt, key: t8.key, trusted-ca: ca.crt}
              clients: [{scs-as-id: as1, certificate-names: [as1.test], secret-hash: "%1$s"}]
            bsf:
              server-name: bsf.operator.test
              tls: {certificate: b.crt, key: b.key}
              nafs: [{host: naf1.operator.test, fqdns: [app.operator.test], push: true}]
              ub-limits:
                per-source: {per-second: 20, burst: 100}
                per-impi: {per-second: 0.05, burst: 20}
                vectors: {per-second: 500, burst: 1000}
              hss: {host: hss.operator.test}
            logging:
              level: info
              components: {diameter: debug}
              file: {path: log/mtcgate.log}
            trace: {pcap: captures/start.pcapng, filter: m3ua}
            """.formatted("pbkdf2-sha256$600000$EAhJCNo3hon8UJOO6H4MvQ$3BEQx32iWeJp/KYEm0AnCE1RL0zokA/vM9W9yxA5nmA");

    /** Sections that exclude a sibling: the probe's config is changed this way before the unknown key goes in. */
    private static final Map<String, Consumer<Map<String, Object>>> ALTERNATIVES = Map.of("ss7.association", root -> {
        Map<String, Object> ss7 = child(root, "ss7");
        ss7.remove("peers");
        ss7.remove("default-peer");
        ss7.put("association", new LinkedHashMap<>(Map.of("local", "127.0.0.1:2905", "remote", "127.0.0.1:2906")));
    }, "mtc-iwf.t4", root -> {
        // T4 is for an MTC-IWF without the sms-sc role; its keys are read before the roles are compared.
        child(root, "mtc-iwf").put("t4", new LinkedHashMap<>(Map.of("host", "smsc.operator.test", "sme-address", "491720000500")));
    });

    private record Section(String path, Map<String, String> rows) {
    }

    @Test
    void theFullConfigIsValid() throws Exception {
        NodeConfig c = parse(FULL);
        assertEquals(6, c.roles().size());
    }

    @Test
    void everySectionOfTheReferenceListsExactlyTheKeysTheReaderTakes() throws Exception {
        List<Section> sections = sections();
        assertTrue(sections.size() > 20, "sections read from " + REFERENCE);
        List<String> wrong = new ArrayList<>();
        for (Section s : sections) {
            Set<String> allowed = allowedAt(s.path());
            if (!allowed.equals(new TreeSet<>(s.rows().keySet()))) {
                Set<String> missing = new TreeSet<>(allowed);
                missing.removeAll(s.rows().keySet());
                Set<String> extra = new TreeSet<>(s.rows().keySet());
                extra.removeAll(allowed);
                wrong.add(label(s.path()) + ": read but not documented " + missing + ", documented but not read " + extra);
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyNestedSectionHasAHeadingAndEveryRowADefaultAndAMeaning() throws Exception {
        List<Section> sections = sections();
        Set<String> headings = new TreeSet<>();
        sections.forEach(s -> headings.add(s.path()));
        Map<String, Object> full = load(FULL);
        for (Section s : sections) {
            Object here = at(full, s.path());
            for (Map.Entry<String, String> row : s.rows().entrySet()) {
                String path = s.path().isEmpty() ? row.getKey() : s.path() + "." + row.getKey();
                assertFalse(row.getValue().isBlank(), path + ": no default or meaning");
                Object value = here instanceof Map<?, ?> m ? m.get(row.getKey()) : null;
                if (FREE_FORM.contains(path)) {
                    continue;
                }
                if (value instanceof Map<?, ?>) {
                    assertTrue(headings.contains(path), path + " is a section: it needs a heading of its own");
                } else if (value instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?>) {
                    assertTrue(headings.contains(path + "[]"), path + " is a list of sections: it needs a heading " + path + "[]");
                }
            }
        }
    }

    /** The probe names the wrong place or no allowed keys: the test itself must fail rather than pass vacuously. */
    @Test
    void aProbeOutsideAnySectionIsNotMistakenForOne() {
        assertThrows(AssertionError.class, () -> allowedAt("diameter.no-such-section"));
    }

    private static Set<String> allowedAt(String path) throws Exception {
        Map<String, Object> root = load(FULL);
        ALTERNATIVES.getOrDefault(path, r -> { }).accept(root);
        Map<String, Object> target = path.isEmpty() ? root : sectionFor(root, path);
        target.put(PROBE, 1);
        String text = new Dump(DumpSettings.builder().build()).dumpToString(root);
        ConfigException e = assertThrows(ConfigException.class, () -> parse(text), label(path) + ": an unknown key was taken");
        String expectedField = path.isEmpty() ? PROBE : path.replace("[]", "[0]") + "." + PROBE;
        if (!expectedField.equals(e.field()) || !e.problem().startsWith("unknown key; expected one of ")) {
            fail(label(path) + ": the reader did not refuse the unknown key there, but said: " + e.getMessage());
        }
        return new TreeSet<>(List.of(e.problem().substring("unknown key; expected one of ".length()).split(", ")));
    }

    /** The mapping at {@code path}, made when missing; {@code x[]} is the first item of list {@code x}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> sectionFor(Map<String, Object> root, String path) {
        Map<String, Object> here = root;
        for (String part : path.split("\\.")) {
            if (part.endsWith("[]")) {
                String key = part.substring(0, part.length() - 2);
                Object list = here.get(key);
                if (!(list instanceof List<?> l) || l.isEmpty() || !(l.get(0) instanceof Map<?, ?>)) {
                    throw new AssertionError(key + " is not a list of mappings in the full config");
                }
                here = (Map<String, Object>) ((List<Object>) list).get(0);
            } else {
                Object next = here.get(part);
                if (!(next instanceof Map<?, ?>)) {
                    throw new AssertionError(part + " of " + path + " is not a mapping in the full config");
                }
                here = (Map<String, Object>) next;
            }
        }
        return here;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }

    private static Object at(Map<String, Object> root, String path) {
        if (path.isEmpty()) {
            return root;
        }
        try {
            return sectionFor(root, path);
        } catch (AssertionError e) {
            return null;
        }
    }

    private static List<Section> sections() throws IOException {
        List<Section> out = new ArrayList<>();
        String path = null;
        Map<String, String> rows = null;
        for (String line : Files.readAllLines(REFERENCE, StandardCharsets.UTF_8)) {
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                if (path != null) {
                    out.add(new Section(path, rows));
                }
                path = h.group(1) == null ? "" : h.group(1);
                rows = new LinkedHashMap<>();
                continue;
            }
            Matcher r = ROW.matcher(line);
            if (r.matches() && rows != null) {
                String text = r.group(2).strip().isEmpty() || r.group(3).strip().isEmpty() ? "" : r.group(3).strip();
                if (rows.put(r.group(1), text) != null) {
                    throw new AssertionError(label(path) + ": key " + r.group(1) + " documented twice");
                }
            }
        }
        if (path != null) {
            out.add(new Section(path, rows));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    private static NodeConfig parse(String text) throws ConfigException {
        return NodeConfigFile.parse("reference.yaml", Path.of("/lab"), new StringReader(text));
    }

    private static String label(String path) {
        return path.isEmpty() ? "top level" : path;
    }
}
