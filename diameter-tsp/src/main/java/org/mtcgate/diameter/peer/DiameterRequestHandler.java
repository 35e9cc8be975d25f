package org.mtcgate.diameter.peer;

import java.util.concurrent.CompletionStage;
import org.mtcgate.diameter.codec.DiameterMessage;

/**
 * An application (Tsp, S6m, T4, ...) plugged into the node for one Application-Id. Called on a
 * Netty event loop for requests that passed dictionary validation: it must not block; do slow
 * work elsewhere and complete the stage later. The node copies Hop-by-Hop/End-to-End ids into the
 * answer and adds Origin-Host/Realm if the handler left them out. A failed stage becomes a
 * 5012 DIAMETER_UNABLE_TO_COMPLY answer.
 */
@FunctionalInterface
public interface DiameterRequestHandler {
    CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context);
}
