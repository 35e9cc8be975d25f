package org.mtcgate.diameter.dictionary;

import java.util.List;

/**
 * The AVP grammar of one request or answer (RFC 6733 3.2 CCF).
 *
 * @param open            true when the grammar ends with *[AVP], so other known AVPs may appear
 * @param strictMandatory true when the grammar is the specification's own, complete: an AVP with the M bit that
 *                        it does not name is then not understood in this command (RFC 6733 4.1, 5001), even where
 *                        *[AVP] lets unnamed AVPs without the M bit through. This is how strict peers such as
 *                        Erlang/OTP diameter read a grammar, so the node holds itself to the same reading.
 */
public record CommandGrammar(List<AvpRule> rules, boolean open, boolean strictMandatory) {
    public CommandGrammar {
        rules = List.copyOf(rules);
    }

    public CommandGrammar(List<AvpRule> rules, boolean open) {
        this(rules, open, false);
    }
}
