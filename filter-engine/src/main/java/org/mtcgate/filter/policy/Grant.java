package org.mtcgate.filter.policy;

import org.mtcgate.filter.MessageKind;
import org.mtcgate.filter.Verdict;

import java.util.Set;

/**
 * One permission of a sender: these kinds of SM to these UEs. Its ALLOW verdict is made once, here.
 *
 * @param id      rule id, {@code <sender>/grant[<n>]} unless named in the policy
 * @param kinds   what it allows
 * @param targets to whom
 * @param allow   the verdict given when it matches
 */
public record Grant(String id, Set<MessageKind> kinds, UeSet targets, Verdict allow) {
}
