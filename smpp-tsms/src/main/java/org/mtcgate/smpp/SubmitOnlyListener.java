package org.mtcgate.smpp;

import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.SubmitMultiResult;

/**
 * jSMPP's server-side callbacks for an SMS-SC that takes single submissions only: a subclass serves submit_sm and
 * data_sm; submit_multi, query, replace, cancel and broadcast are refused with {@link #refusal}. jSMPP's interface has
 * no defaults for them, so this is the one place that lists them.
 */
public abstract class SubmitOnlyListener implements ServerMessageReceiverListener {
    /** What an operation this SMS-SC does not offer is refused with; {@code operation} is its SMPP name. */
    protected abstract ProcessRequestException refusal(String operation);

    @Override
    public final SubmitMultiResult onAcceptSubmitMulti(SubmitMulti pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("submit_multi");
    }

    @Override
    public final QuerySmResult onAcceptQuerySm(QuerySm pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("query_sm");
    }

    @Override
    public final void onAcceptReplaceSm(ReplaceSm pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("replace_sm");
    }

    @Override
    public final void onAcceptCancelSm(CancelSm pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("cancel_sm");
    }

    @Override
    public final BroadcastSmResult onAcceptBroadcastSm(BroadcastSm pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("broadcast_sm");
    }

    @Override
    public final void onAcceptCancelBroadcastSm(CancelBroadcastSm pdu, SMPPServerSession source) throws ProcessRequestException {
        throw refusal("cancel_broadcast_sm");
    }

    @Override
    public final QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm pdu, SMPPServerSession source)
            throws ProcessRequestException {
        throw refusal("query_broadcast_sm");
    }
}
