package org.mtcgate.filter.smsc;

import java.util.Locale;
import java.util.Objects;

/**
 * A node an SM can be delivered through, and so the path it takes: an MSC or an SGSN over MAP MT-ForwardSM
 * (TS 29.002 12.9; the SGSN on its own SSN), or an MME over SGd (TS 29.338 TFR).
 *
 * <p>Text form (as subscriber files, S6m answers and the stores keep it): plain digits or {@code msc:<digits>} an
 * MSC number, {@code sgsn:<digits>} an SGSN number, {@code mme:<diameter identity>} (or any value with a letter) an
 * MME by its Diameter name.
 */
public record ServingNode(Kind kind, String address) {
    public enum Kind { MSC, SGSN, MME }

    public ServingNode {
        Objects.requireNonNull(kind, "kind");
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("a serving node needs an address");
        }
        if (kind != Kind.MME && !address.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException(kind + " number " + address + " is not E.164 digits");
        }
    }

    /** @throws IllegalArgumentException when {@code text} fits none of the forms */
    public static ServingNode parse(String text) {
        String n = text.trim().toLowerCase(Locale.ROOT);
        if (n.startsWith("sgsn:")) {
            return new ServingNode(Kind.SGSN, n.substring(5));
        }
        if (n.startsWith("mme:")) {
            return new ServingNode(Kind.MME, n.substring(4));
        }
        if (n.startsWith("msc:")) {
            return new ServingNode(Kind.MSC, n.substring(4));
        }
        if (n.chars().anyMatch(Character::isLetter)) {
            return new ServingNode(Kind.MME, n);
        }
        return new ServingNode(Kind.MSC, n);
    }

    /** The text form, which {@link #parse} reads back: an MSC as plain digits, the others with their prefix. */
    @Override
    public String toString() {
        return kind == Kind.MSC ? address : kind.name().toLowerCase(Locale.ROOT) + ":" + address;
    }
}
