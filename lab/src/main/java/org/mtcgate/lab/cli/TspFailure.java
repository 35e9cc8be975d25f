package org.mtcgate.lab.cli;

import org.mtcgate.diameter.dictionary.ResultCode;
import org.mtcgate.diameter.peer.PeerFailure;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.util.Locale;

/**
 * Why the SCS could not reach its MTC-IWF, in an operator's words, and whether trying again can help: a refused CEA,
 * a certificate problem or a wrong identity will fail the same way every time (permanent); a node that is down,
 * busy or slow may come back (transient).
 *
 * @param permanent trying again will not help
 * @param text      one line: what failed and what to look at
 */
record TspFailure(boolean permanent, String text) {
    static TspFailure of(PeerFailure f, ScsOptions scs) {
        return switch (f.kind()) {
            case CONNECT -> connect(f, scs);
            case TLS -> tls(f, scs);
            case IDENTITY -> new TspFailure(true, "the MTC-IWF is not who --mtc-iwf-host says (" + scs.mtcIwfHost + "): "
                    + f.detail());
            case REFUSED -> refused(f, scs);
            case TIMEOUT -> new TspFailure(false, "timeout: " + f.detail());
            case CLOSED -> new TspFailure(false, f.detail() + " (it may not accept this SCS's certificate; see its log)");
        };
    }

    private static TspFailure connect(PeerFailure f, ScsOptions scs) {
        Throwable c = f.cause();
        if (c instanceof ConnectException && String.valueOf(c.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            return new TspFailure(false, "node down: connection refused at " + scs.mtcIwf
                    + " (no MTC-IWF listening there; is the node running, is the port its diameter.listen?)");
        }
        if (c instanceof UnresolvedAddressException) {
            return new TspFailure(true, "cannot resolve the host of --mtc-iwf " + scs.mtcIwf);
        }
        if (c instanceof NoRouteToHostException) {
            return new TspFailure(false, "no route to " + scs.mtcIwf);
        }
        return new TspFailure(false, "timeout: " + f.detail());
    }

    private static TspFailure tls(PeerFailure f, ScsOptions scs) {
        String where = " (--pki " + scs.pki + ")";
        for (Throwable t = f.cause(); t != null; t = t.getCause()) {
            if (t instanceof CertificateExpiredException) {
                return new TspFailure(true, "certificate chain: the MTC-IWF's certificate has expired: " + t.getMessage());
            }
            if (t instanceof CertificateNotYetValidException) {
                return new TspFailure(true, "certificate chain: the MTC-IWF's certificate is not valid yet: " + t.getMessage());
            }
            if (t instanceof CertPathValidatorException v && v.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
                return new TspFailure(true, "certificate chain: the MTC-IWF's certificate (or its CA) has expired: " + t.getMessage());
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("unable to find valid certification path") || m.contains("PKIX path building failed")
                    || m.contains("does not chain with any of the trust anchors")) {
                return new TspFailure(true, "certificate chain: untrusted issuer: the MTC-IWF's certificate is not issued by the CA"
                        + " in ca.crt" + where);
            }
            if (m.contains("Received fatal alert")) {
                return new TspFailure(true, "certificate chain: the MTC-IWF refused this SCS's certificate (" + m + "); is "
                        + scs.identity + ".crt issued by the CA it trusts?" + where);
            }
        }
        return new TspFailure(true, "TLS: " + f.detail() + where);
    }

    private static TspFailure refused(PeerFailure f, ScsOptions scs) {
        long code = f.resultCode();
        String name = ResultCode.of(code).map(Enum::name).orElse("Result-Code " + code);
        String why = " (Error-Message: " + f.detail() + ")";
        if (code == ResultCode.DIAMETER_UNKNOWN_PEER.code()) {
            return new TspFailure(true, "refused by CEA with Result-Code 3010 DIAMETER_UNKNOWN_PEER: the MTC-IWF does not accept "
                    + scs.identity + " as a peer (not in its diameter.peers, or its certificate names another host)" + why);
        }
        // Protocol (3xxx, such as 3004 DIAMETER_TOO_BUSY) and transient (4xxx) errors may clear; 5xxx will not.
        boolean permanent = code < 3000 || code >= 5000;
        return new TspFailure(permanent, "refused by CEA with Result-Code " + code + " " + name + why);
    }
}
