package org.mtcgate.map.dialog;

import java.util.Arrays;
import org.mobicents.protocols.asn.AsnInputStream;
import org.mobicents.protocols.asn.Tag;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContext;
import org.mobicents.protocols.ss7.map.api.MAPApplicationContextName;
import org.mobicents.protocols.ss7.map.api.MAPDialogueAS;
import org.mobicents.protocols.ss7.map.api.MAPOperationCode;
import org.mobicents.protocols.ss7.map.api.dialog.MAPProviderAbortReason;
import org.mobicents.protocols.ss7.map.dialog.MAPOpenInfoImpl;
import org.mobicents.protocols.ss7.map.primitives.MAPAsnPrimitive;
import org.mobicents.protocols.ss7.map.service.sms.ForwardShortMessageRequestImpl;
import org.mobicents.protocols.ss7.map.service.sms.MoForwardShortMessageRequestImpl;
import org.mobicents.protocols.ss7.map.service.sms.MtForwardShortMessageRequestImpl;
import org.mobicents.protocols.ss7.map.service.sms.ReportSMDeliveryStatusRequestImpl;
import org.mobicents.protocols.ss7.map.service.sms.SendRoutingInfoForSMRequestImpl;
import org.mobicents.protocols.ss7.tcap.api.tc.dialog.events.TCBeginIndication;
import org.mobicents.protocols.ss7.tcap.asn.ApplicationContextName;
import org.mobicents.protocols.ss7.tcap.asn.UserInformation;
import org.mobicents.protocols.ss7.tcap.asn.comp.Component;
import org.mobicents.protocols.ss7.tcap.asn.comp.ComponentType;
import org.mobicents.protocols.ss7.tcap.asn.comp.Invoke;
import org.mobicents.protocols.ss7.tcap.asn.comp.OperationCode;
import org.mobicents.protocols.ss7.tcap.asn.comp.OperationCodeType;
import org.mobicents.protocols.ss7.tcap.asn.comp.Parameter;

/**
 * Judges a received TC-BEGIN as a whole before MAP hands any of it to a handler, so that a dialog is served
 * entirely or not at all:
 * <ul>
 *   <li>exactly one component, an invoke with a local operation code and no linked id (every MAP operation
 *       that opens a dialog here does so with one invoke; a second one, a reject TCAP made of a duplicated invoke
 *       id, or none at all refuse the whole dialog);</li>
 *   <li>in the SMS application contexts, the operation must belong to the context and version (TS 29.002
 *       17.2.2; jSS7 would drop a misfit silently);</li>
 *   <li>the parameter of the SMS operations must decode, with jSS7's own decoder as MAP will call it, and a
 *       MAP-OPEN in the dialogue portion too (jSS7 prints those failures' stack traces to stderr).</li>
 * </ul>
 * Other contexts pass on to MAP and the {@link DialogGuard}. Stateless and thread-safe.
 */
final class BeginScreen {
    /** What a refused TC-BEGIN gets: the error, the MAP-ProviderAbortReason of its U-ABORT, and why. */
    record Verdict(ProtocolError error, MAPProviderAbortReason abortReason, String reason) {
    }

    /** The operation code of the first invoke, or -1. */
    static long operation(TCBeginIndication begin) {
        Component[] components = begin.getComponents();
        if (components != null) {
            for (Component c : components) {
                if (c instanceof Invoke invoke && invoke.getOperationCode() != null
                        && invoke.getOperationCode().getOperationType() == OperationCodeType.Local) {
                    return invoke.getOperationCode().getLocalOperationCode();
                }
            }
        }
        return -1;
    }

    /** The MAP context as name/version, or the OID as received when MAP does not know it; null without one. */
    static String context(TCBeginIndication begin) {
        ApplicationContextName acn = begin.getApplicationContextName();
        if (acn == null || acn.getOid() == null) {
            return null;
        }
        MAPApplicationContext context = MAPApplicationContext.getInstance(acn.getOid());
        return context != null ? context.getApplicationContextName() + " v"
                + context.getApplicationContextVersion().getVersion() : Arrays.toString(acn.getOid());
    }

    /** Null when the TC-BEGIN may go on to MAP, else why not. */
    Verdict check(TCBeginIndication begin) {
        Component[] components = begin.getComponents();
        if (components == null || components.length == 0) {
            return new Verdict(ProtocolError.NO_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "TC-BEGIN without a component");
        }
        if (components.length > 1) {
            return new Verdict(ProtocolError.MULTIPLE_COMPONENTS, MAPProviderAbortReason.abnormalDialogue,
                    "TC-BEGIN with " + components.length + " components; none is served");
        }
        Component only = components[0];
        if (only.getType() != ComponentType.Invoke || !(only instanceof Invoke invoke)) {
            return new Verdict(ProtocolError.UNEXPECTED_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "TC-BEGIN carrying a " + only.getType() + " component");
        }
        OperationCode code = invoke.getOperationCode();
        if (code == null || code.getOperationType() != OperationCodeType.Local || code.getLocalOperationCode() == null) {
            return new Verdict(ProtocolError.UNEXPECTED_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "invoke without a local operation code");
        }
        if (invoke.getLinkedId() != null) {
            return new Verdict(ProtocolError.UNEXPECTED_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "invoke linked to " + invoke.getLinkedId() + " in a TC-BEGIN");
        }
        ApplicationContextName acn = begin.getApplicationContextName();
        if (acn == null) {
            return null; // MAP v1: MAP derives the context from the operation
        }
        Verdict open = checkOpen(begin.getUserInformation());
        if (open != null) {
            return open;
        }
        MAPApplicationContext context = MAPApplicationContext.getInstance(acn.getOid());
        if (context == null) {
            return null; // MAP refuses unknown contexts itself (ACN not supported)
        }
        int op = (int) (long) code.getLocalOperationCode();
        int version = context.getApplicationContextVersion().getVersion();
        Boolean fits = fits(context.getApplicationContextName(), version, op);
        if (fits == null) {
            return null; // not an SMS context: MAP and the DialogGuard deal with it
        }
        if (!fits) {
            return new Verdict(ProtocolError.UNEXPECTED_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "operation " + op + " does not belong to " + context(begin));
        }
        return decodes(context.getApplicationContextName(), version, op, invoke.getParameter());
    }

    /**
     * Whether operation {@code op} opens a dialog in this SMS context and version (TS 29.002 17.2.2, as jSS7's
     * SMS service dispatches them), or null for a context that is not an SMS one.
     */
    static Boolean fits(MAPApplicationContextName context, int version, int op) {
        return switch (context) {
            case shortMsgGatewayContext -> op == MAPOperationCode.sendRoutingInfoForSM
                    || op == MAPOperationCode.reportSM_DeliveryStatus;
            case shortMsgMORelayContext -> op == MAPOperationCode.mo_forwardSM;
            case shortMsgMTRelayContext -> version >= 3 ? op == MAPOperationCode.mt_forwardSM
                    : op == MAPOperationCode.mo_forwardSM; // forwardSM (46) in v2
            case shortMsgAlertContext -> version >= 2 ? op == MAPOperationCode.alertServiceCentre
                    : op == MAPOperationCode.alertServiceCentreWithoutResult;
            case mwdMngtContext -> version >= 2 ? op == MAPOperationCode.readyForSM
                    : op == MAPOperationCode.noteSubscriberPresent;
            default -> null;
        };
    }

    private static Verdict checkOpen(UserInformation ui) {
        if (ui == null) {
            return null;
        }
        try {
            if (!ui.isOid() || !Arrays.equals(ui.getOidValue(), MAPDialogueAS.MAP_DialogueAS.getOID()) || !ui.isAsn()
                    || ui.getEncodeType() == null) {
                return new Verdict(ProtocolError.UNDECODABLE_COMPONENT, MAPProviderAbortReason.invalidPDU,
                        "user information is not a MAP dialogue PDU");
            }
            AsnInputStream ais = new AsnInputStream(ui.getEncodeType());
            int tag = ais.readTag();
            if (tag != MAPOpenInfoImpl.MAP_OPEN_INFO_TAG || ais.getTagClass() != Tag.CLASS_CONTEXT_SPECIFIC) {
                return new Verdict(ProtocolError.UNDECODABLE_COMPONENT, MAPProviderAbortReason.invalidPDU,
                        "the MAP dialogue PDU of a TC-BEGIN is not a MAP-OPEN");
            }
            new MAPOpenInfoImpl().decodeAll(ais);
            return null;
        } catch (Exception | StackOverflowError e) {
            return new Verdict(ProtocolError.UNDECODABLE_COMPONENT, MAPProviderAbortReason.invalidPDU,
                    "MAP-OPEN does not decode: " + e);
        }
    }

    /** Decodes the parameter as MAP will, so that what MAP would fail on never reaches it. */
    private static Verdict decodes(MAPApplicationContextName context, int version, int op, Parameter parameter) {
        MAPAsnPrimitive decoder = switch (op) {
            case MAPOperationCode.mt_forwardSM -> new MtForwardShortMessageRequestImpl();
            case MAPOperationCode.sendRoutingInfoForSM -> new SendRoutingInfoForSMRequestImpl();
            case MAPOperationCode.mo_forwardSM -> version >= 3 && context == MAPApplicationContextName.shortMsgMORelayContext
                    ? new MoForwardShortMessageRequestImpl() : new ForwardShortMessageRequestImpl();
            case MAPOperationCode.reportSM_DeliveryStatus -> new ReportSMDeliveryStatusRequestImpl(version);
            default -> null;
        };
        if (decoder == null) {
            return null;
        }
        if (parameter == null || parameter.getData() == null || parameter.getTag() != Tag.SEQUENCE
                || parameter.getTagClass() != Tag.CLASS_UNIVERSAL || parameter.isPrimitive()) {
            return new Verdict(ProtocolError.UNDECODABLE_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "operation " + op + " without its SEQUENCE parameter");
        }
        try {
            byte[] data = parameter.getData();
            decoder.decodeData(new AsnInputStream(data, parameter.getTagClass(), parameter.isPrimitive(),
                    parameter.getTag()), data.length);
            return null;
        } catch (Exception | StackOverflowError e) {
            return new Verdict(ProtocolError.UNDECODABLE_COMPONENT, MAPProviderAbortReason.abnormalDialogue,
                    "parameter of operation " + op + " does not decode: " + e.getMessage());
        }
    }
}
