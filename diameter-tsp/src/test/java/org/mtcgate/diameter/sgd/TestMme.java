package org.mtcgate.diameter.sgd;

import org.mtcgate.diameter.codec.DiameterMessage;
import org.mtcgate.diameter.dictionary.MessageValidator;
import org.mtcgate.diameter.dictionary.StandardDictionary;
import org.mtcgate.diameter.peer.DiameterRequestHandler;
import org.mtcgate.diameter.peer.RequestContext;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiFunction;

/**
 * The MME side for the tests: records every TFR as it arrived (after the node's strict validation) and answers
 * with what {@code answer} makes of it; every answer it sends must pass the dictionary too, so that the SMS-SC's
 * reading is tested against answers the node itself calls valid.
 */
final class TestMme implements DiameterRequestHandler {
    record Received(DiameterMessage message, MtForwardShortMessageRequest tfr) {
    }

    private static final MessageValidator VALIDATOR = new MessageValidator(StandardDictionary.create());

    final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final BiFunction<DiameterMessage, RequestContext, DiameterMessage> answer;
    private final boolean checkAnswers;

    TestMme(BiFunction<DiameterMessage, RequestContext, DiameterMessage> answer, boolean checkAnswers) {
        this.answer = answer;
        this.checkAnswers = checkAnswers;
    }

    TestMme(BiFunction<DiameterMessage, RequestContext, DiameterMessage> answer) {
        this(answer, true);
    }

    @Override
    public CompletionStage<DiameterMessage> handle(DiameterMessage request, RequestContext context) {
        received.add(new Received(request, MtForwardShortMessageRequest.decode(request)));
        DiameterMessage a = answer.apply(request, context);
        if (a == null) {
            return new CompletableFuture<>(); // never answered
        }
        if (checkAnswers) {
            Optional<?> invalid = VALIDATOR.validateOutgoing(a.toBuilder().hopByHopId(1).build());
            if (invalid.isPresent()) {
                return CompletableFuture.failedFuture(new AssertionError("the test MME's TFA is invalid: " + invalid.get()));
            }
        }
        return CompletableFuture.completedFuture(a);
    }
}
