package org.mtcgate.smpp;

import org.jsmpp.PDUStringException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.MessageId;

/**
 * jSMPP's callbacks for a session's requests: submit_sm and data_sm go to the {@link SubmitService} under the
 * session's bind; the operations this SMS-SC does not offer (submit_multi, query, replace, cancel, broadcast) get
 * ESME_RINVCMDID, so an SME learns at once that it cannot rely on them.
 */
final class SessionHandler extends SubmitOnlyListener {
    private static final OptionalParameter[] NONE = new OptionalParameter[0];

    private final BindRegistry binds;
    private final SubmitService submits;

    SessionHandler(BindRegistry binds, SubmitService submits) {
        this.binds = binds;
        this.submits = submits;
    }

    @Override
    public org.jsmpp.session.SubmitSmResult onAcceptSubmitSm(SubmitSm pdu, SMPPServerSession source) throws ProcessRequestException {
        return new org.jsmpp.session.SubmitSmResult(messageId(take(source, () -> SubmissionReader.read(pdu))), NONE);
    }

    @Override
    public DataSmResult onAcceptDataSm(DataSm pdu, Session source) throws ProcessRequestException {
        return new DataSmResult(messageId(take(source, () -> SubmissionReader.read(pdu))), NONE);
    }

    private String take(Session source, SubmitService.SubmissionSource pdu) throws ProcessRequestException {
        BoundSme bound = binds.of(source.getSessionId()).orElseThrow(() -> new ProcessRequestException(
                "not bound as a transmitter", SMPPConstant.STAT_ESME_RINVBNDSTS));
        if (!bound.kind().transmits()) {
            throw new ProcessRequestException("a receiver bind does not submit", SMPPConstant.STAT_ESME_RINVBNDSTS);
        }
        try {
            return submits.submit(bound, pdu);
        } catch (SmppRefusal r) {
            throw new ProcessRequestException(r.getMessage(), r.status());
        }
    }

    private static MessageId messageId(String id) throws ProcessRequestException {
        try {
            return new MessageId(id);
        } catch (PDUStringException e) {
            throw new ProcessRequestException("message_id " + id + ": " + e.getMessage(), SMPPConstant.STAT_ESME_RSYSERR);
        }
    }

    @Override
    protected ProcessRequestException refusal(String operation) {
        return new ProcessRequestException(operation + " is not offered by this SMS-SC", SMPPConstant.STAT_ESME_RINVCMDID);
    }
}
