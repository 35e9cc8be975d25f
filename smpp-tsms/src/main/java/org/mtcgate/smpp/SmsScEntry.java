package org.mtcgate.smpp;

import org.mtcgate.filter.smsc.HeldSm;
import org.mtcgate.filter.smsc.SmsScResult;

import java.util.concurrent.CompletionStage;

/** Port: the SMS-SC's store and forward, where an allowed SM is handed over ({@code StoreAndForward::submit}). */
@FunctionalInterface
public interface SmsScEntry {
    CompletionStage<SmsScResult> submit(HeldSm sm);
}
