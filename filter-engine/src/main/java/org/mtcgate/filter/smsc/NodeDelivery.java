package org.mtcgate.filter.smsc;

import org.mtcgate.filter.Imsi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * Port: one delivery path (MAP to an MSC, MAP to an SGSN, SGd to an MME). It sends the SMS-DELIVER TPDUs of one SM
 * (several for a concatenated SM, in order) to {@code imsi} at {@code node}, and sorts the answer into a
 * {@link DeliveryAttempt}: delivered only when every segment was acknowledged. The stage completes normally, never
 * exceptionally, and its continuation must not block (it may run on a stack thread).
 */
public interface NodeDelivery {
    CompletionStage<DeliveryAttempt> deliver(Imsi imsi, ServingNode node, List<byte[]> smsDeliverTpdus);
}
