package org.mtcgate.filter.yaml;

/**
 * A configuration or policy file that cannot be used, naming the file, the line and the field, so that an
 * operator can go straight to the mistake: {@code policy.yaml:14: senders[2].grants[0].to: unknown group 'x'}.
 */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final String field;
    private final String problem;

    public ConfigException(String source, int line, String field, String problem) {
        super(format(source, line, field, problem));
        this.source = source;
        this.line = line;
        this.field = field;
        this.problem = problem;
    }

    private static String format(String source, int line, String field, String problem) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(problem).toString();
    }

    /** The file (or other source) name. */
    public String source() {
        return source;
    }

    /** The 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    /** The dotted path of the field, or empty. */
    public String field() {
        return field;
    }

    public String problem() {
        return problem;
    }
}
