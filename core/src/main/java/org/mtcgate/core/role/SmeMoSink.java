package org.mtcgate.core.role;

import org.mtcgate.map.smsc.MoShortMessage;
import org.mtcgate.map.smsc.MoSmSink;
import org.mtcgate.map.tpdu.SmsSubmit;
import org.mtcgate.map.tpdu.TpduException;
import org.mtcgate.map.tpdu.UserData;
import org.mtcgate.smpp.MobileOriginated;
import org.mtcgate.smpp.TsmsServer;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The SMS-SC's MO sink with Tsms: an MO SM whose TP-DA is an SME's address goes to that SME as deliver_sm (the
 * MO-ForwardSM is answered once the SME took it, or with sc-Congestion so the UE retries); any other goes to
 * {@code others} (to another UE, as MT).
 */
final class SmeMoSink implements MoSmSink {
    private final TsmsServer server;
    private final MoSmSink others;

    SmeMoSink(TsmsServer server, MoSmSink others) {
        this.server = server;
        this.others = others;
    }

    @Override
    public CompletionStage<Void> accept(MoShortMessage sm) {
        MobileOriginated mo;
        try {
            mo = of(sm);
        } catch (TpduException e) {
            return CompletableFuture.failedFuture(e);
        }
        return server.deliverMo(mo).thenCompose(owned -> owned ? CompletableFuture.<Void>completedFuture(null) : others.accept(sm));
    }

    static MobileOriginated of(MoShortMessage sm) throws TpduException {
        SmsSubmit submit = sm.submit();
        UserData ud = submit.userData();
        byte[] header = ud.hasHeader() ? ud.header().encoded() : new byte[0];
        byte[] body = ud.body();
        byte[] data = new byte[header.length + body.length];
        System.arraycopy(header, 0, data, 0, header.length);
        System.arraycopy(body, 0, data, header.length, body.length);
        return new MobileOriginated(submit.destinationAddress().value(), sm.originator().digits(),
                submit.protocolIdentifier(), submit.dataCodingScheme(), ud.hasHeader(), data);
    }
}
