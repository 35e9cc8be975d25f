package org.mtcgate.filter.yaml;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A read-only view of one YAML node that remembers where it came from, so every accessor can refuse a bad
 * value with file, line and field. Mappings refuse unknown and duplicate keys: a misspelt key must not be
 * silently ignored in a security policy.
 */
public final class YamlNode {
    /** Policy files may hold long inline lists; the library's default cap is 3 MB. */
    private static final int CODE_POINT_LIMIT = 256 * 1024 * 1024;

    private final String source;
    private final String path;
    private final Node node;

    private YamlNode(String source, String path, Node node) {
        this.source = source;
        this.path = path;
        this.node = node;
    }

    /** Parses one YAML document; an empty document is an empty mapping. */
    public static YamlNode parse(String source, Reader reader) throws ConfigException {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(source)
                .setCodePointLimit(CODE_POINT_LIMIT)
                .setMaxAliasesForCollections(16)
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, reader)));
            Node root = composer.getSingleNode().orElse(null);
            if (root == null) {
                root = new MappingNode(org.snakeyaml.engine.v2.nodes.Tag.MAP, List.of(),
                        org.snakeyaml.engine.v2.common.FlowStyle.BLOCK);
            }
            return new YamlNode(source, "", root);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(source, line, "", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(source, 0, "", "not valid YAML: " + e.getMessage());
        }
    }

    public String source() {
        return source;
    }

    /** The dotted path of this node from the document root, such as {@code senders[2].grants}. */
    public String path() {
        return path;
    }

    /** The 1-based line where this node starts. */
    public int line() {
        return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
    }

    /** An exception about this node. */
    public ConfigException error(String problem) {
        return new ConfigException(source, line(), path, problem);
    }

    public boolean isScalar() {
        return node instanceof ScalarNode;
    }

    public boolean isSequence() {
        return node instanceof SequenceNode;
    }

    public boolean isMapping() {
        return node instanceof MappingNode;
    }

    /** The scalar's text. */
    public String text() throws ConfigException {
        if (!(node instanceof ScalarNode scalar)) {
            throw error("expected a single value, found " + shape());
        }
        return scalar.getValue();
    }

    /** A non-empty scalar. */
    public String requiredText() throws ConfigException {
        String t = text().trim();
        if (t.isEmpty()) {
            throw error("must not be empty");
        }
        return t;
    }

    public long integer(long min, long max) throws ConfigException {
        String t = requiredText();
        long v;
        try {
            v = t.startsWith("0x") || t.startsWith("0X") ? Long.parseLong(t.substring(2), 16) : Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw error("'" + t + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw error(v + " is out of range " + min + " to " + max);
        }
        return v;
    }

    public boolean bool() throws ConfigException {
        String t = requiredText();
        return switch (t) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw error("'" + t + "' is not true or false");
        };
    }

    /** The elements of a sequence; a single scalar counts as a one-element list. */
    public List<YamlNode> list() throws ConfigException {
        if (node instanceof ScalarNode) {
            return List.of(this);
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error("expected a list, found " + shape());
        }
        List<YamlNode> out = new ArrayList<>(seq.getValue().size());
        int i = 0;
        for (Node child : seq.getValue()) {
            out.add(new YamlNode(source, path + "[" + i++ + "]", child));
        }
        return out;
    }

    /** The texts of a list of scalars. */
    public List<String> texts() throws ConfigException {
        List<String> out = new ArrayList<>();
        for (YamlNode n : list()) {
            out.add(n.requiredText());
        }
        return out;
    }

    /**
     * The entries of a mapping, in file order, after checking that every key is one of {@code allowed}
     * (null allows any key, for maps keyed by names such as group names).
     */
    public Map<String, YamlNode> mapping(Set<String> allowed) throws ConfigException {
        if (!(node instanceof MappingNode map)) {
            throw error("expected a mapping of keys to values, found " + shape());
        }
        Map<String, YamlNode> out = new LinkedHashMap<>();
        for (NodeTuple tuple : map.getValue()) {
            YamlNode keyNode = new YamlNode(source, path, tuple.getKeyNode());
            String key = keyNode.requiredText();
            String childPath = path.isEmpty() ? key : path + "." + key;
            if (allowed != null && !allowed.contains(key)) {
                throw new ConfigException(source, keyNode.line(), childPath,
                        "unknown key; expected one of " + String.join(", ", sorted(allowed)));
            }
            if (out.containsKey(key)) {
                throw new ConfigException(source, keyNode.line(), childPath, "appears twice");
            }
            out.put(key, new YamlNode(source, childPath, tuple.getValueNode()));
        }
        return Collections.unmodifiableMap(out);
    }

    private static List<String> sorted(Set<String> keys) {
        List<String> list = new ArrayList<>(keys);
        Collections.sort(list);
        return list;
    }

    private String shape() {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        return "a single value";
    }
}
