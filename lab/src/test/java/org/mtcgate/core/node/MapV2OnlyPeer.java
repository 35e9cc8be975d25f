package org.mtcgate.core.node;

import java.lang.reflect.Field;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.mobicents.protocols.ss7.map.MAPProviderImpl;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPServiceBase;
import org.mobicents.protocols.ss7.map.api.dialog.ServingCheckData;
import org.mobicents.protocols.ss7.map.api.dialog.ServingCheckResult;
import org.mobicents.protocols.ss7.map.api.service.sms.MAPServiceSmsListener;
import org.mobicents.protocols.ss7.map.dialog.ServingCheckDataImpl;
import org.mobicents.protocols.ss7.map.service.sms.MAPServiceSmsImpl;
import org.mobicents.protocols.ss7.tcap.asn.TcapFactory;
import org.mtcgate.map.stack.Ss7Stack;

/**
 * Makes a jSS7 peer stack an older serving node that knows shortMsgMTRelayContext only up to v2: a TC-BEGIN in v3
 * gets TC-U-ABORT with application-context-name-not-supported and v2 as the alternative, as TS 29.002 15.6 has a
 * v2 node answer. jSS7 serves v2 and v3 alike and offers no switch, so the test swaps the stack's SMS service for one
 * that answers the version check this way (reflection on the provider's service set; test code only).
 */
final class MapV2OnlyPeer {
    private final MAPServiceSmsImpl service;
    private final AtomicInteger refusedV3 = new AtomicInteger();

    private MapV2OnlyPeer(MAPProviderImpl provider) {
        this.service = new MAPServiceSmsImpl(provider) {
            @Override
            public ServingCheckData isServingService(MAPApplicationContext context) {
                if (context.getApplicationContextName() == MAPApplicationContextName.shortMsgMTRelayContext
                        && context.getApplicationContextVersion().getVersion() > 2) {
                    refusedV3.incrementAndGet();
                    // A copy: jSS7 hands out its cached context's own array, and changing it would turn every
                    // later v3 context of this JVM into v2 on the wire.
                    long[] alternative = context.getOID().clone();
                    alternative[7] = 2;
                    return new ServingCheckDataImpl(ServingCheckResult.AC_VersionIncorrect,
                            TcapFactory.createApplicationContextName(alternative));
                }
                return super.isServingService(context);
            }
        };
    }

    /** Before {@link Ss7Stack#connect()}: from now on the stack's SMS dialogs reach listeners added here only. */
    @SuppressWarnings("unchecked")
    static MapV2OnlyPeer install(Ss7Stack stack) throws ReflectiveOperationException {
        MAPProviderImpl provider = (MAPProviderImpl) stack.mapProvider();
        MapV2OnlyPeer peer = new MapV2OnlyPeer(provider);
        peer.service.acivate();
        Field services = MAPProviderImpl.class.getDeclaredField("mapServices");
        services.setAccessible(true);
        Set<MAPServiceBase> set = (Set<MAPServiceBase>) services.get(provider);
        set.remove(provider.getMAPServiceSms());
        set.add(peer.service);
        return peer;
    }

    void addListener(MAPServiceSmsListener listener) {
        service.addMAPServiceListener(listener);
    }

    /** TC-BEGINs refused for their v3 context. */
    int refusedV3() {
        return refusedV3.get();
    }
}
