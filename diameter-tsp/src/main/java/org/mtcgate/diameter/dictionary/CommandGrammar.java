package org.mtcgate.diameter.dictionary;

import java.util.List;

/**
 * The AVP grammar of one request or answer (RFC 6733 3.2 CCF).
 *
 * @param open true when the grammar ends with *[AVP], so other known AVPs may appear
 */
public record CommandGrammar(List<AvpRule> rules, boolean open) {
    public CommandGrammar {
        rules = List.copyOf(rules);
    }
}
