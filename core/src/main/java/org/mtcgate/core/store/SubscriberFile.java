package org.mtcgate.core.store;

import org.mtcgate.filter.ExternalId;
import org.mtcgate.filter.GlobalTitle;
import org.mtcgate.filter.smsc.ServingNode;
import org.mtcgate.filter.Imsi;
import org.mtcgate.filter.Msisdn;
import org.mtcgate.filter.trigger.Subscriber;
import org.mtcgate.filter.trigger.SubscriberTable;
import org.mtcgate.filter.yaml.ConfigException;
import org.mtcgate.filter.yaml.YamlNode;
import org.mtcgate.gba.Impi;
import org.mtcgate.gba.OpC;
import org.mtcgate.gba.SubscriberKey;
import org.mtcgate.gba.aka.AkaCredentials;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the embedded subscriber store from YAML (see config/subscribers.yaml): the node's HSS when the lab has
 * none. Mistakes are refused with file, line and field; K and OPc never appear in a message.
 * A subscriber with {@code impi}, {@code k} and {@code opc} (all three or none) can also be authenticated over Zh.
 */
public final class SubscriberFile {
    private static final Set<String> TOP = Set.of("subscribers");
    private static final Set<String> ENTRY = Set.of("imsi", "msisdn", "external-ids", "trigger-scs", "serving-nodes", "impi", "k", "opc");
    private static final Set<String> AKA = Set.of("impi", "k", "opc");

    private SubscriberFile() {
    }

    public static SubscriberTable load(Path file) throws ConfigException {
        return read(file).table();
    }

    /** The table and the AKA credentials of the file. */
    public static SubscriberData read(Path file) throws ConfigException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parseData(file.toString(), r);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), 0, "", "no such file");
        } catch (IOException e) {
            throw new ConfigException(file.toString(), 0, "", "cannot be read: " + e.getMessage());
        }
    }

    public static SubscriberTable parse(String source, Reader reader) throws ConfigException {
        return parseData(source, reader).table();
    }

    public static SubscriberData parseData(String source, Reader reader) throws ConfigException {
        YamlNode root = YamlNode.parse(source, reader);
        YamlNode list = root.mapping(TOP).get("subscribers");
        List<Subscriber> out = new ArrayList<>();
        List<AkaCredentials> aka = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<Impi> seenImpi = new HashSet<>();
        if (list != null) {
            for (YamlNode entry : list.list()) {
                Map<String, YamlNode> m = entry.mapping(ENTRY);
                YamlNode imsiNode = m.get("imsi");
                if (imsiNode == null) {
                    throw entry.error("imsi is required");
                }
                Imsi imsi = value(imsiNode, Imsi::of);
                if (!seen.add(imsi.digits())) {
                    throw imsiNode.error("IMSI " + imsi.masked() + " is listed twice");
                }
                Msisdn msisdn = m.containsKey("msisdn") ? value(m.get("msisdn"), Msisdn::of) : null;
                List<ExternalId> ext = new ArrayList<>();
                if (m.containsKey("external-ids")) {
                    for (YamlNode n : m.get("external-ids").list()) {
                        ext.add(value(n, ExternalId::of));
                    }
                }
                Set<String> scs = m.containsKey("trigger-scs") ? Set.copyOf(m.get("trigger-scs").texts()) : Set.of();
                List<String> nodes = new ArrayList<>();
                if (m.containsKey("serving-nodes")) {
                    for (YamlNode n : m.get("serving-nodes").list()) {
                        // msc:/plain digits, sgsn:<digits>, mme:<diameter identity>: the path the SMS-SC takes
                        nodes.add(value(n, SubscriberFile::servingNode).toString());
                    }
                }
                out.add(new Subscriber(imsi, msisdn, ext, scs, nodes));
                AkaCredentials c = credentials(entry, m);
                if (c != null) {
                    if (!seenImpi.add(c.impi())) {
                        throw m.get("impi").error("IMPI " + c.impi() + " is listed twice");
                    }
                    aka.add(c);
                }
            }
        }
        try {
            return new SubscriberData(new SubscriberTable(out), aka);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage());
        }
    }

    private static ServingNode servingNode(String text) {
        ServingNode node = ServingNode.parse(text);
        if (node.kind() != ServingNode.Kind.MME) {
            GlobalTitle.of(node.address()); // E.164 length and digits, as for any GT
        } else if (!node.address().matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("'" + node.address() + "' is not a Diameter identity (FQDN) of an MME");
        }
        return node;
    }

    /** IMPI, K and OPc together, or none of them. */
    private static AkaCredentials credentials(YamlNode entry, Map<String, YamlNode> m) throws ConfigException {
        long given = AKA.stream().filter(m::containsKey).count();
        if (given == 0) {
            return null;
        }
        if (given < AKA.size()) {
            throw entry.error("impi, k and opc go together (Zh needs all three)");
        }
        return new AkaCredentials(value(m.get("impi"), Impi::new), secret(m.get("k"), SubscriberKey::ofHex),
                secret(m.get("opc"), OpC::ofHex));
    }

    /** Like {@link #value} but the text never reaches the message: 32 hex digits or a plain refusal. */
    private static <T> T secret(YamlNode node, Function<String, T> parse) throws ConfigException {
        String text = node.requiredText();
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw node.error("must be 32 hex digits (16 octets)");
        }
    }

    private static <T> T value(YamlNode node, Function<String, T> parse) throws ConfigException {
        String text = node.requiredText();
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException e) {
            throw node.error(e.getMessage());
        }
    }
}
