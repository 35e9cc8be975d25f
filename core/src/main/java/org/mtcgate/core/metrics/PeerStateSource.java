package org.mtcgate.core.metrics;

import java.util.Map;

/**
 * Tells, when metrics are scraped, which peers of one protocol are up. The Diameter peer table and the M3UA
 * stack provide one each; it is called on the scraping thread and must not block.
 */
@FunctionalInterface
public interface PeerStateSource {
    /** Each known peer's name and whether it is up (Diameter: I-Open or R-Open; M3UA: ASP active). */
    Map<String, Boolean> peersUp();
}
