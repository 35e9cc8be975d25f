package org.mtcgate.filter;

/** Receives the steps of a decision when an operator asks for an explanation; null on the hot path. */
public interface Trace {
    void step(String text);
}
