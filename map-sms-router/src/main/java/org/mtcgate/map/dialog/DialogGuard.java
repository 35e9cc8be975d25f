package org.mtcgate.map.dialog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPDialog;
import org.mobicents.protocols.ss7.map.api.MAPException;
import org.mobicents.protocols.ss7.map.api.MAPProvider;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortProviderReason;
import org.mobicents.protocols.ss7.map.api.dialog.MAPAbortSource;
import org.mobicents.protocols.ss7.map.api.dialog.MAPDialogState;
import org.mobicents.protocols.ss7.map.api.dialog.MAPUserAbortChoice;
import org.mobicents.protocols.ss7.map.api.dialog.Reason;
import org.mobicents.protocols.ss7.map.api.primitives.MAPExtensionContainer;
import org.mobicents.protocols.ss7.tcap.asn.comp.Problem;

/**
 * Makes sure no received dialog is left waiting for the idle timer, for the handlers that answer asynchronously
 * (router, MO handler). One per stack, shared by every handler on it. MAP reports the end of a received TCAP
 * message with onDialogDelimiter, after all its components; a dialog still in INITIAL_RECEIVED then:
 * <ul>
 *   <li>taken on by a handler but spoiled (a second invoke, an undecodable component): U-ABORT;</li>
 *   <li>not taken on, with a component jSS7 rejected as undecodable: closed, so its TC-REJECT goes out in a
 *       TC-END;</li>
 *   <li>not taken on, in an application context a handler serves: the operation did not fit the context (jSS7
 *       drops such components silently) or there was none: U-ABORT;</li>
 *   <li>not taken on, in a context nobody here serves: MAP-REFUSE.</li>
 * </ul>
 * It also marks taken-on dialogs finished when the peer aborts them or they time out, and reports that.
 * Handlers must take on their dialogs ({@link IncomingDialog#claim}) in the request callback itself.
 */
public final class DialogGuard extends SmsListenerAdapter {
    private static final Logger LOG = LogManager.getLogger(DialogGuard.class);
    private static final Object LOCALLY_REJECTED = new Object();
    /** Peer input: one line per kind, then counted summaries, never one line per dialog. */
    private final RateLimitedLog quiet = new RateLimitedLog(LOG, 10, java.util.concurrent.TimeUnit.SECONDS);
    private static final Map<MAPProvider, DialogGuard> GUARDS = new WeakHashMap<>();

    private final Map<MAPApplicationContextName, ProtocolErrorReporter> owners = new LinkedHashMap<>();

    private DialogGuard() {
    }

    /** The guard of a stack's MAP {@code provider}, registered on first use. */
    public static DialogGuard of(MAPProvider provider) {
        synchronized (GUARDS) {
            return GUARDS.computeIfAbsent(provider, p -> {
                DialogGuard guard = new DialogGuard();
                p.addMAPDialogListener(guard);
                p.getMAPServiceSms().addMAPServiceListener(guard);
                return guard;
            });
        }
    }

    /**
     * Declares that {@code reporter}'s handler serves these application contexts. The first handler to serve a
     * context gets its errors; errors of dialogs nobody serves go to the first handler registered.
     */
    public synchronized void serve(Set<MAPApplicationContextName> contexts, ProtocolErrorReporter reporter) {
        for (MAPApplicationContextName context : contexts) {
            owners.putIfAbsent(context, reporter);
        }
    }

    public synchronized void withdraw(ProtocolErrorReporter reporter) {
        owners.values().removeIf(r -> r == reporter);
    }

    private synchronized ProtocolErrorReporter ownerOf(MAPApplicationContextName context) {
        ProtocolErrorReporter owner = owners.get(context);
        return owner != null ? owner : owners.values().stream().findFirst().orElse(null);
    }

    private synchronized boolean serves(MAPApplicationContextName context) {
        return owners.containsKey(context);
    }

    @Override
    public void onRejectComponent(MAPDialog dialog, Long invokeId, Problem problem, boolean isLocalOriginated) {
        if (!isLocalOriginated || dialog.getState() != MAPDialogState.INITIAL_RECEIVED) {
            return;
        }
        Object user = dialog.getUserObject();
        if (user == null) {
            dialog.setUserObject(LOCALLY_REJECTED);
        } else if (user instanceof IncomingDialog incoming) {
            incoming.spoil(ProtocolError.REJECTED_COMPONENT);
        }
    }

    @Override
    public void onDialogDelimiter(MAPDialog dialog) {
        if (dialog.getState() != MAPDialogState.INITIAL_RECEIVED) {
            return;
        }
        Object user = dialog.getUserObject();
        MAPApplicationContextName context = dialog.getApplicationContext().getApplicationContextName();
        if (user instanceof IncomingDialog incoming) {
            ProtocolError spoiled = incoming.spoiledBy();
            if (spoiled != null) {
                incoming.abort(() -> incoming.owner().report(spoiled,
                        "dialog " + dialog.getLocalDialogId() + " in " + context + " aborted"));
            }
            return;
        }
        if (user == LOCALLY_REJECTED) {
            report(context, ProtocolError.REJECTED_COMPONENT, dialog, "undecodable component rejected");
            try {
                dialog.close(false);
            } catch (MAPException | RuntimeException e) {
                Dialogs.abort(dialog);
            }
            return;
        }
        if (user != null) {
            return; // an outgoing dialog of another listener, or one answered synchronously
        }
        if (serves(context)) {
            report(context, ProtocolError.UNEXPECTED_COMPONENT, dialog, "no operation of " + context + " in it");
            Dialogs.abort(dialog);
        } else {
            report(context, ProtocolError.WRONG_APPLICATION_CONTEXT, dialog, context + " is not served here");
            try {
                dialog.refuse(Reason.noReasonGiven);
            } catch (MAPException | RuntimeException e) {
                Dialogs.abort(dialog);
            }
        }
    }

    private void report(MAPApplicationContextName context, ProtocolError error, MAPDialog dialog, String detail) {
        quiet.warn(error.counterName(), "dialog " + dialog.getLocalDialogId() + " from "
                + Dialogs.callingGlobalTitle(dialog) + ": " + detail, null);
        ProtocolErrorReporter owner = ownerOf(context);
        if (owner != null) {
            owner.report(error, detail);
        }
    }

    @Override
    public void onDialogUserAbort(MAPDialog dialog, MAPUserAbortChoice choice, MAPExtensionContainer extension) {
        lost(dialog, "peer aborted: " + choice);
    }

    @Override
    public void onDialogProviderAbort(MAPDialog dialog, MAPAbortProviderReason reason, MAPAbortSource source,
                                      MAPExtensionContainer extension) {
        lost(dialog, "provider abort: " + reason);
    }

    @Override
    public void onDialogRelease(MAPDialog dialog) {
        lost(dialog, "released before it was answered");
    }

    private static void lost(MAPDialog dialog, String detail) {
        if (dialog.getUserObject() instanceof IncomingDialog incoming && incoming.giveUp()) {
            incoming.owner().report(ProtocolError.INCOMING_DIALOG_LOST, detail);
        }
    }
}
